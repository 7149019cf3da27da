/**
 * metav1 LabelSelector checks of the apiserver (apimachinery validation.ValidateLabelSelector and
 * LabelSelectorAsSelector, v1.32): matchExpressions operators, their values, and whether the
 * selector can become a labels.Selector at all.
 */
import type { FieldError } from '../errors';
import { goValue } from '../gosyntax';
import type { LabelSelector } from '../types';
import { labelValueProblems, qualifiedNameProblems } from './names';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabelSelectorRequirement for each matchExpression (matchLabels are validated as labels). */
export function validateSelectorRequirements(selector: LabelSelector | undefined, path: string, errors: FieldError[]): void {
  (selector?.matchExpressions ?? []).forEach((req, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    const values = req.values ?? [];
    if (req.operator === 'In' || req.operator === 'NotIn') {
      if (values.length === 0) errors.push({ field: `${at}.values`, message: "Required value: must be specified when `operator` is 'In' or 'NotIn'" });
    } else if (req.operator === 'Exists' || req.operator === 'DoesNotExist') {
      if (values.length > 0) errors.push({ field: `${at}.values`, message: "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
    } else {
      errors.push({ field: `${at}.operator`, message: `Invalid value: ${goValue(req.operator)}: not a valid selector operator` });
    }
    for (const p of qualifiedNameProblems(req.key)) errors.push({ field: `${at}.key`, message: `Invalid value: ${goValue(req.key)}: ${p}` });
    values.forEach((v, j) => {
      for (const p of labelValueProblems(v)) errors.push({ field: `${at}.values[${j}]`, message: `Invalid value: ${goValue(v)}: ${p}` });
    });
  });
}

/** Whether metav1.LabelSelectorAsSelector fails: any requirement it would build is invalid. */
export function selectorConversionFails(selector: LabelSelector | undefined): boolean {
  if (!selector) return false;
  const badLabel = Object.entries(selector.matchLabels ?? {}).some(([k, v]) => qualifiedNameProblems(k).length > 0 || labelValueProblems(String(v)).length > 0);
  const badExpression = (selector.matchExpressions ?? []).some((req) => {
    const values = req.values ?? [];
    if (!OPERATORS.includes(req.operator) || qualifiedNameProblems(req.key).length) return true;
    if ((req.operator === 'In' || req.operator === 'NotIn') && values.length === 0) return true;
    if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && values.length > 0) return true;
    return values.some((v) => labelValueProblems(v).length > 0);
  });
  return badLabel || badExpression;
}
