import { describe, expect, it } from 'vitest';
import { parseControlType, parseKey, parseNature, parseRisk, parseStatus } from '../../../shared/import';

describe('parseNature', () => {
  it.each([
    ['Manual', 'manual'],
    ['manual ', 'manual'],
    ['Manual review of a report', 'manual'],
    ['Automated', 'automated'],
    ['Automatic', 'automated'],
    ['System-enforced', 'automated'],
    ['IT dependent manual', 'it-dependent-manual'],
    ['IT-dependent manual', 'it-dependent-manual'],
    ['IT-dependent', 'it-dependent-manual'],
    ['ITDM', 'it-dependent-manual'],
    ['Semi-automated', 'it-dependent-manual'],
    ['Hybrid', 'it-dependent-manual'],
  ])('reads %j as %s', (raw, nature) => {
    expect(parseNature(raw)).toBe(nature);
  });

  it.each(['Manual/Automated', 'Sometimes', ''])('refuses %j', (raw) => {
    expect(parseNature(raw)).toBeNull();
  });
});

describe('parseControlType', () => {
  it.each([
    ['Preventive', 'preventive'],
    ['Preventative', 'preventive'],
    ['prevent', 'preventive'],
    ['P', 'preventive'],
    ['Detective', 'detective'],
    ['Detect', 'detective'],
    ['Corrective', 'corrective'],
  ])('reads %j as %s', (raw, type) => {
    expect(parseControlType(raw)).toBe(type);
  });

  it.each(['Preventive/Detective', 'Directive', ''])('refuses %j', (raw) => {
    expect(parseControlType(raw)).toBeNull();
  });
});

describe('parseKey', () => {
  it.each(['Yes', 'Y', 'y', 'X', 'Key', 'key control', 'TRUE', '1', '✓', true, 1])(
    'reads %j as key',
    (raw) => {
      expect(parseKey(raw)).toBe(true);
    },
  );

  it.each(['No', 'N', '', 'Non-key', 'Non key', 'FALSE', '0', false, 0, null])(
    'reads %j as not key',
    (raw) => {
      expect(parseKey(raw)).toBe(false);
    },
  );

  it.each(['Maybe', 2, new Date(0)])('refuses %j', (raw) => {
    expect(parseKey(raw)).toBeNull();
  });
});

describe('parseRisk', () => {
  it.each([
    ['Low', 'low'],
    ['L', 'low'],
    ['Medium', 'moderate'],
    ['Moderate', 'moderate'],
    ['M', 'moderate'],
    ['High', 'high'],
    ['H', 'high'],
    ['High risk', 'high'],
    ['Reliance: moderate', 'moderate'],
  ])('reads %j as %s', (raw, risk) => {
    expect(parseRisk(raw)).toBe(risk);
  });

  it.each(['Unauthorised access to production data', '3', ''])('refuses %j', (raw) => {
    expect(parseRisk(raw)).toBeNull();
  });
});

describe('parseStatus', () => {
  it.each([
    ['Draft', 'draft'],
    ['Agreed', 'agreed'],
    ['Final', 'agreed'],
    ['Approved', 'agreed'],
    ['Active', 'agreed'],
    ['Retired', 'retired'],
    ['Inactive', 'retired'],
    ['Decommissioned', 'retired'],
  ])('reads %j as %s', (raw, status) => {
    expect(parseStatus(raw)).toBe(status);
  });

  it.each(['Unknown', ''])('refuses %j', (raw) => {
    expect(parseStatus(raw)).toBeNull();
  });
});
