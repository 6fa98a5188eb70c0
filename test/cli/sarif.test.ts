/**
 * The SARIF report, validated against the SARIF 2.1.0 JSON schema this folder carries, and checked for
 * what GitHub code scanning needs beyond the schema (rule ids, levels, relative locations, 1-based
 * regions, one descriptor per rule with help).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { RULES, ruleUrl } from '../../server/src/core/index';
import { cli, folder, SEED } from '../../server/src/cli/test-helpers';

const schema = JSON.parse(readFileSync(join(__dirname, 'sarif-2.1.0.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true });
// The formats the schema names; ajv-formats is not a dependency, and these are all SARIF uses.
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
ajv.addFormat('uri-reference', /^\S*$/);
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
const validate = ajv.compile(schema);

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
}

async function sarif(argv: string[], cwd?: string): Promise<{ code: number; log: any }> {
  const { code, stdout } = await cli(['--format', 'sarif', ...argv], { cwd });
  return { code, log: JSON.parse(stdout) };
}

describe('SARIF report', () => {
  it('the schema this test carries rejects what SARIF 2.1.0 rejects', () => {
    const minimal = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] };
    expect(validate(minimal)).toBe(true);
    for (const broken of [
      { ...minimal, version: '2.0.0' },
      { runs: [] },
      { version: '2.1.0', runs: [{ tool: {} }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ name: 'no id' }] } } }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r', level: 'warn', message: { text: 'm' } }] }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r', message: {} }] }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }] }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x', helpURI: 'typo' } } }] },
    ]) expect(validate(broken), JSON.stringify(broken)).toBe(false);
  });

  it('is valid SARIF 2.1.0 for the seed article, with one descriptor per rule id and results code scanning accepts', async () => {
    const cwd = join(__dirname, '..', '..');
    const { code, log } = await sarif([SEED], cwd);
    expect(code).toBe(1);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    const rules = run.tool.driver.rules as Array<{ id: string; helpUri: string; help: { text: string; markdown: string }; shortDescription: { text: string }; defaultConfiguration: { level: string } }>;
    expect(rules.map((rule) => rule.id)).toEqual([...RULES.map((rule) => rule.id), 'copydesk-directive']);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    for (const rule of RULES) {
      const descriptor = rules.find((candidate) => candidate.id === rule.id)!;
      expect(descriptor.helpUri).toBe(ruleUrl(rule.id));
      expect(descriptor.shortDescription.text).toBe(rule.description);
      expect(descriptor.help.text).toContain(rule.guidance);
      expect(descriptor.help.markdown).toBe(readFileSync(join(cwd, 'docs', 'rules', `${rule.id}.md`), 'utf8'));
      expect(descriptor.defaultConfiguration.level).toBe(rule.defaultSeverity === 'information' ? 'note' : rule.defaultSeverity);
    }
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/\/.*\/$/);
    expect(run.columnKind).toBe('utf16CodeUnits');

    const expected = JSON.parse((await cli(['--format', 'json', SEED], { cwd })).stdout)[0].findings;
    const results = run.results as SarifResult[];
    expect(results).toHaveLength(expected.length);
    results.forEach((result, index) => {
      const finding = expected[index];
      expect(result.ruleId).toBe(finding.ruleId);
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.level).toBe(finding.severity === 'information' ? 'note' : finding.severity);
      expect(result.message.text).toBe(finding.message);
      expect(result.locations).toHaveLength(1);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation).toEqual({ uri: 'test-fixtures/seed-article.md', uriBaseId: '%SRCROOT%' });
      expect(region).toMatchObject({ startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn });
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    });
  });

  it('percent-encodes relative paths, uses file URIs outside the working folder, and records unreadable drafts', async () => {
    const dir = folder({ 'desk/my story #1.md': 'He landed in the pariah state.\n', 'desk/bin.md': 'a\u0000b' });
    const elsewhere = folder({ 'far.md': 'The dictator spoke.\n' });
    const { code, log } = await sarif(['desk', join(elsewhere, 'far.md')], dir);
    expect(code).toBe(2);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const locations = (log.runs[0].results as SarifResult[]).map((result) => result.locations[0].physicalLocation.artifactLocation);
    expect(locations).toEqual([{ uri: 'desk/my%20story%20%231.md', uriBaseId: '%SRCROOT%' }, { uri: `file://${join(elsewhere, 'far.md')}` }]);
    const invocation = log.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0]).toMatchObject({ level: 'error', message: { text: expect.stringContaining('binary') }, locations: [{ physicalLocation: { artifactLocation: { uri: 'desk/bin.md', uriBaseId: '%SRCROOT%' } } }] });
  });

  it('a clean run is a valid log with no results', async () => {
    const dir = folder({ 'a.md': 'The council met on Tuesday, its chair said.\n' });
    const { code, log } = await sarif(['a.md'], dir);
    expect(code).toBe(0);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});
