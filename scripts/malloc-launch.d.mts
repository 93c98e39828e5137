export declare const MMAP_THRESHOLD: string;
export declare const HEAP_LIMIT_MB: number;
export declare function runInMallocChild(script: string): boolean;
export declare function heapLimitArgs(execArgv: string[], nodeOptions: string | undefined, v8LimitBytes: number): string[];
export declare function glibc(): boolean;
