export declare const portTakenLine: (port: number | string, host: string) => string;
export declare function ensurePortFree(port: number | string, host: string): Promise<void>;
