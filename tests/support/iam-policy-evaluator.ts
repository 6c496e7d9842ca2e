/**
 * A small evaluator of IAM identity policies, enough to ask of a synthesised role "may this session
 * do that?" without an AWS account. It follows the documented evaluation logic for one account:
 * an explicit Deny wins, otherwise any matching Allow allows, otherwise the request is implicitly
 * denied. It knows the condition operators Fordel's policies use and refuses any other, so a
 * policy it does not understand fails a test instead of passing it.
 */

/** A condition block: operator → context key → one value or several. */
export type ConditionBlock = Record<string, Record<string, string | boolean | readonly (string | boolean)[]>>;

/** One statement as CloudFormation holds it once intrinsics are resolved. */
export interface PolicyStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: ConditionBlock;
}

/** A policy document. */
export interface PolicyDocument {
  readonly Statement: PolicyStatement | readonly PolicyStatement[];
}

/** One request: who (their session tags), what, on which resource, with which context keys. */
export interface AccessRequest {
  readonly action: string;
  readonly resource: string;
  /** Request context, e.g. `dynamodb:LeadingKeys` (multi-valued) or `aws:RequestTag/tenantId`. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  /** Tags of the calling session, the values of `${aws:PrincipalTag/...}`. */
  readonly principalTags?: Readonly<Record<string, string>>;
}

/** The outcome, telling an explicit Deny apart from no Allow at all. */
export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

const list = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Turns an IAM pattern into a regular expression: `*` is any run of characters, `?` exactly one,
 * and `${aws:PrincipalTag/key}` the session's tag value taken literally. Undefined when the pattern
 * names a tag the session does not have: IAM then treats the pattern as matching nothing.
 */
function patternRegExp(pattern: string, request: AccessRequest, options: { wildcards: boolean; caseInsensitive: boolean }) {
  let source = '';
  let rest = pattern;
  while (rest.length > 0) {
    const variable = /^\$\{([^}]+)\}/.exec(rest);
    if (variable) {
      const name = variable[1]!;
      const tag = /^aws:PrincipalTag\/(.+)$/.exec(name);
      if (!tag) throw new Error(`Policy variable \${${name}} is not supported by this evaluator`);
      const value = request.principalTags?.[tag[1]!];
      if (value === undefined) return undefined;
      source += escapeRegExp(value);
      rest = rest.slice(variable[0].length);
      continue;
    }
    const char = rest[0]!;
    source += options.wildcards && char === '*' ? '.*' : options.wildcards && char === '?' ? '.' : escapeRegExp(char);
    rest = rest.slice(1);
  }
  return new RegExp(`^${source}$`, options.caseInsensitive ? 'is' : 's');
}

function matchesAny(patterns: readonly string[], value: string, request: AccessRequest, caseInsensitive: boolean): boolean {
  return patterns.some((pattern) => patternRegExp(pattern, request, { wildcards: true, caseInsensitive })?.test(value) ?? false);
}

/** Whether one value satisfies one condition value under a base operator (no set prefix, no negation). */
function valueMatches(operator: string, conditionValue: string, value: string, request: AccessRequest): boolean {
  switch (operator) {
    case 'StringEquals':
      return patternRegExp(conditionValue, request, { wildcards: false, caseInsensitive: false })?.test(value) ?? false;
    case 'StringLike':
      return patternRegExp(conditionValue, request, { wildcards: true, caseInsensitive: false })?.test(value) ?? false;
    default:
      throw new Error(`Condition operator ${operator} is not supported by this evaluator`);
  }
}

/** Evaluates one operator on one key, e.g. `ForAllValues:StringLike` on `dynamodb:LeadingKeys`. */
function conditionHolds(fullOperator: string, key: string, expected: readonly string[], request: AccessRequest): boolean {
  const [setPrefix, operatorWithSuffix] = fullOperator.includes(':') ? fullOperator.split(':', 2) : [undefined, fullOperator];
  const ifExists = operatorWithSuffix!.endsWith('IfExists');
  const operator = ifExists ? operatorWithSuffix!.slice(0, -'IfExists'.length) : operatorWithSuffix!;
  const negated = operator === 'StringNotEquals' || operator === 'StringNotLike';
  const base = negated ? operator.replace('Not', '') : operator;
  const present = request.context?.[key];
  const values = list(present);
  const matchesOne = (value: string) => expected.some((conditionValue) => valueMatches(base, conditionValue, value, request));
  // `Null: { key: 'false' }` requires the key to be in the request; `'true'` requires it absent.
  if (fullOperator === 'Null') return (present === undefined) === (expected[0] === 'true');

  switch (setPrefix) {
    case 'ForAllValues':
      // True for an empty or missing key: this is why a Scan (no partition key at all) must never
      // be granted under a LeadingKeys condition.
      return values.every((value) => (negated ? !matchesOne(value) : matchesOne(value)));
    case 'ForAnyValue':
      return values.some((value) => (negated ? !matchesOne(value) : matchesOne(value)));
    case undefined: {
      if (present === undefined) return ifExists || negated;
      if (Array.isArray(present)) throw new Error(`${key} is multi-valued; use ForAllValues or ForAnyValue with it`);
      return negated ? !matchesOne(present as string) : matchesOne(present as string);
    }
    default:
      throw new Error(`Condition set operator ${setPrefix} is not supported by this evaluator`);
  }
}

function statementApplies(statement: PolicyStatement, request: AccessRequest): boolean {
  const actionMatches = statement.Action
    ? matchesAny(list(statement.Action), request.action, request, true)
    : !matchesAny(list(statement.NotAction), request.action, request, true);
  if (!actionMatches) return false;
  const resourceMatches = statement.Resource
    ? matchesAny(list(statement.Resource), request.resource, request, false)
    : !matchesAny(list(statement.NotResource), request.resource, request, false);
  if (!resourceMatches) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => conditionHolds(operator, key, list(expected).map(String), request)),
  );
}

/** The decision of all `policies` together on `request`. */
export function evaluate(policies: readonly PolicyDocument[], request: AccessRequest): Decision {
  const statements = policies.flatMap((policy) => list(policy.Statement));
  if (statements.some((statement) => statement.Effect === 'Deny' && statementApplies(statement, request))) return 'ExplicitDeny';
  return statements.some((statement) => statement.Effect === 'Allow' && statementApplies(statement, request)) ? 'Allow' : 'ImplicitDeny';
}

/** Shorthand: whether `policies` allow `request`. */
export function isAllowed(policies: readonly PolicyDocument[], request: AccessRequest): boolean {
  return evaluate(policies, request) === 'Allow';
}
