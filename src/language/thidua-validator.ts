import type { ValidationChecks } from 'langium';
import type { ThiduaAstType } from './generated/ast.js';
import type { ThiduaServices } from './thidua-module.js';

/** Registers the checks; each family of rules lives in its own file under checks/. */
export function registerValidationChecks(services: ThiduaServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.ThiduaValidator;
    const checks: ValidationChecks<ThiduaAstType> = {};
    registry.register(checks, validator);
}

export class ThiduaValidator {}
