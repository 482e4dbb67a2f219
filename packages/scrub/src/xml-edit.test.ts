import { describe, expect, it } from 'vitest';
import { attributeValue, editXml, isBalancedXml, xmlElements } from './xml-edit.ts';

describe('xml-edit', () => {
  it('copies everything a rule keeps byte for byte', () => {
    const xml = '<?xml version="1.0"?>\n<!-- a > b --><a x=\'1 > 2\'><![CDATA[<b>]]><b/>text &amp; more</a>';
    expect(editXml(xml, () => undefined)).toBe(xml);
  });

  it('drops an element with all it holds, rewrites attributes and replaces text', () => {
    const xml = '<r><drop><drop>x</drop></drop><e a="1" b="2">old</e><t>keep</t></r>';
    let changed = 0;
    const out = editXml(xml, (e) => {
      if (e.name === 'drop') return { kind: 'drop' };
      if (e.name === 'e') return { kind: 'edit', attributes: e.attributes.filter((a) => a.name !== 'b'), text: 'new & safe', onTextChange: () => changed++ };
      return undefined;
    });
    expect(out).toBe('<r><e a="1">new &amp; safe</e><t>keep</t></r>');
    expect(changed).toBe(1);
  });

  it('drops to the end an element left open, rather than keeping what it held', () => {
    expect(editXml('<r><secret>Alice', (e) => (e.name === 'secret' ? { kind: 'drop' } : undefined))).toBe('<r>');
  });

  it('reads attributes with entities and tells broken markup apart', () => {
    const [el] = xmlElements('<a t="x &amp; &#233; &#x41;"/>');
    expect(el && attributeValue(el.attributes[0] ?? { name: '', local: '', value: '', quote: '"' })).toBe('x & é A');
    expect(isBalancedXml('<a><b/></a>')).toBe(true);
    expect(isBalancedXml('<a><b></a>')).toBe(false);
    expect(isBalancedXml('<a></a><unterminated')).toBe(false);
  });
});
