export declare function findTests(roots: string[], pattern?: RegExp): string[];
