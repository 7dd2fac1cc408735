import { describe, expect, it } from 'vitest';
import { normalizeAnyValue, toEnum, toInt64 } from '../../../src/model/any-value.js';
import { valueToJson, valueToText } from '../../../src/model/json-text.js';
import { ModelError } from '../../../src/model/model-error.js';

describe('AnyValue', () => {
  it('reads each member in camelCase and snake_case', () => {
    expect(normalizeAnyValue({ stringValue: '' }, 'v')).toEqual({ t: 'string', v: '' });
    expect(normalizeAnyValue({ int_value: '12' }, 'v')).toEqual({ t: 'int', v: 12 });
    expect(normalizeAnyValue({ doubleValue: 'Infinity' }, 'v')).toEqual({ t: 'double', v: Infinity });
    expect(normalizeAnyValue({ bool_value: false }, 'v')).toEqual({ t: 'bool', v: false });
    expect(normalizeAnyValue({ bytesValue: 'AQI=' }, 'v')).toEqual({ t: 'bytes', v: new Uint8Array([1, 2]) });
    expect(normalizeAnyValue({ stringValue: null, intValue: 3 }, 'v')).toEqual({ t: 'int', v: 3 });
    expect(normalizeAnyValue({}, 'v')).toEqual({ t: 'empty' });
  });

  it('keeps 64-bit ints exact', () => {
    expect(toInt64('9223372036854775807', 'i')).toBe(9223372036854775807n);
    expect(toInt64('-9223372036854775808', 'i')).toBe(-9223372036854775808n);
    expect(toInt64({ low: -1, high: -1 }, 'i')).toBe(-1n);
    expect(() => toInt64('9223372036854775808', 'i')).toThrow(ModelError);
    expect(() => toInt64(1.5, 'i')).toThrow(/not an integer/);
  });

  it('names the broken member', () => {
    expect(() =>
      normalizeAnyValue({ arrayValue: { values: [{ boolValue: 'yes' }] } }, 'attributes[2].value'),
    ).toThrow('attributes[2].value.arrayValue.values[0].boolValue is not a boolean');
    const deep = {
      kvlistValue: { values: [{ key: 'k', value: { arrayValue: { values: [{}, { intValue: 1.5 }] } } }] },
    };
    expect(() => normalizeAnyValue(deep, 'body')).toThrow(
      'body.kvlistValue.values[0].value.arrayValue.values[1].intValue is not an integer: 1.5',
    );
    expect(() => normalizeAnyValue({ kvlistValue: { values: [{ key: 7 }] } }, 'body')).toThrow(
      'body.kvlistValue.values[0].key is not a string',
    );
  });

  it('reads enum names', () => {
    expect(toEnum('SPAN_KIND_CLIENT', { SPAN_KIND_CLIENT: 3 }, 'kind')).toBe(3);
    expect(toEnum('4', {}, 'kind')).toBe(4);
    expect(() => toEnum('NOPE', {}, 'kind')).toThrow(/kind/);
  });

  it('writes JSON text for complex values', () => {
    const v = normalizeAnyValue(
      {
        kvlistValue: {
          values: [
            {
              key: 'a',
              value: {
                arrayValue: { values: [{ intValue: '-9223372036854775808' }, {}, { doubleValue: 'NaN' }] },
              },
            },
            { key: 'b', value: { bytesValue: new Uint8Array([255]) } },
          ],
        },
      },
      'v',
    );
    expect(valueToJson(v)).toBe('{"a":[-9223372036854775808,null,"NaN"],"b":"/w=="}');
    expect(valueToText({ t: 'bytes', v: new Uint8Array([255]) })).toBe('/w==');
    expect(valueToText({ t: 'string', v: 'plain' })).toBe('plain');
  });
});
