// The dashboard's choices in the URL: only data choices start the engine, a new unit drops the old
// unit's range, and the address of a view carries only what differs from the default view.
import { describe, expect, it } from 'vitest';
import { chartParam, dataParams, differs, submittedParams, viewUrl } from '../../../../src/client/dashboard/url-state.ts';
import { matchOptions, searchKey } from '../../../../src/client/dashboard/unit-search.ts';

const shown = { enhet: '0180', fran: '2024-Q4', till: '2025-Q2', kon: 'totalt', alder: '0-20', matt: 'vid_periodens_slut' };

describe('URL state', () => {
  it('keeps the known data choices only', () => {
    expect(dataParams('?enhet=9999&visning=ytor&utm=x&fran=&kon=%20flickor%20').toString()).toBe('enhet=9999&kon=flickor');
    expect(chartParam('?visning=ytor')).toBe('area');
    expect(chartParam('?visning=något')).toBe('line');
  });

  it('needs the engine only when a data choice differs from what is shown', () => {
    expect(differs(new URLSearchParams(''), shown)).toBe(false);
    expect(differs(new URLSearchParams('enhet=0180&fran=2024-Q4'), shown)).toBe(false);
    expect(differs(new URLSearchParams('enhet=9999'), shown)).toBe(true);
    expect(differs(new URLSearchParams('kon=flickor'), shown)).toBe(true);
  });

  it('drops the previous unit’s range and measure when the unit changes', () => {
    const form = new URLSearchParams('enhet=9999&fran=2024-Q4&till=2025-Q2&kon=flickor&matt=vid_periodens_slut');
    expect(submittedParams(form, shown).toString()).toBe('enhet=9999&kon=flickor');
    const sameUnit = new URLSearchParams('enhet=0180&fran=2025-Q1&till=2025-Q2');
    expect(submittedParams(sameUnit, shown).toString()).toBe('enhet=0180&fran=2025-Q1&till=2025-Q2');
  });

  it('on a comparison page keeps the measure when only the highlighted unit changes, and drops period, measure, area and unit with the group', () => {
    const compared = { grupp: '0180', period: '2020', matt: 'under_perioden', enhet: '' };
    expect(submittedParams(new URLSearchParams('grupp=0180&period=2020&matt=under_perioden&enhet=0180-04'), compared).toString()).toBe('enhet=0180-04&matt=under_perioden&grupp=0180&period=2020');
    expect(submittedParams(new URLSearchParams('grupp=14&period=2020&matt=under_perioden&enhet=0180-04&omrade=LSS'), compared).toString()).toBe('grupp=14');
    expect(viewUrl('/jamforelser/', { ...compared, grupp: '14' }, compared, 'line')).toBe('/jamforelser/?grupp=14');
  });

  it('writes only what differs from the default view, in a fixed order', () => {
    const defaults = { ...shown };
    expect(viewUrl('/p/', shown, defaults, 'line')).toBe('/p/');
    expect(viewUrl('/p/', { ...shown, kon: 'pojkar', enhet: '9999' }, defaults, 'area', '#x')).toBe('/p/?enhet=9999&kon=pojkar&visning=ytor#x');
  });
});

describe('unit search', () => {
  const options = [
    { value: '0180-07', label: 'Östermalm (0180-07)' },
    { value: '0180', label: 'Stockholm (0180)' },
    { value: '1401', label: 'Härryda (1401)' },
  ];
  it('matches names and codes, ignoring case and accents, every word', () => {
    expect(searchKey('Östermalm')).toBe('ostermalm');
    expect(matchOptions(options, 'oster').map((o) => o.value)).toEqual(['0180-07']);
    expect(matchOptions(options, '0180').map((o) => o.value)).toEqual(['0180-07', '0180']);
    expect(matchOptions(options, 'stock 0180').map((o) => o.value)).toEqual(['0180']);
    expect(matchOptions(options, '  ')).toHaveLength(3);
    expect(matchOptions(options, 'xyz')).toEqual([]);
  });
});
