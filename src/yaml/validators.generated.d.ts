// Types of validators.generated.js, which `npm run build` compiles from schemas/*.schema.json.
import type { ValidateFunction } from 'ajv';

export declare const catalog: ValidateFunction;
export declare const config: ValidateFunction;
