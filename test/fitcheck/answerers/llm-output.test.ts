import { describe, expect, it } from 'vitest';
import { ANSWER_JSON_SCHEMA, extractJsonObject, parseAnswer } from '../../../src/fitcheck/answerers/llm-output.js';

const good = { answerable: true, answer: 'Yes.', confidence: 0.8, citations: [{ url: 'https://p.example/a', quote: 'A quote here.' }] };

describe('parseAnswer', () => {
  it.each([
    ['plain JSON', JSON.stringify(good)],
    ['a ```json fence', `\`\`\`json\n${JSON.stringify(good)}\n\`\`\``],
    ['prose around the object', `Sure! Here is the answer: ${JSON.stringify(good)} Hope it helps {really}.`],
    ['braces inside strings', JSON.stringify({ ...good, answer: 'Use {curly} "braces" }' })],
  ])('reads %s', (_name, content) => {
    expect(parseAnswer(content)).toMatchObject({ answerable: true, confidence: 0.8, citations: [{ url: 'https://p.example/a', quote: 'A quote here.' }] });
  });

  it('clamps confidence and tolerates a missing citation list or null answer', () => {
    expect(parseAnswer('{"answerable": false, "answer": null, "confidence": 7}')).toEqual({ answerable: false, answer: '', confidence: 1, citations: [] });
  });

  it.each([
    ['empty content', ''],
    ['not JSON', 'I cannot help with that.'],
    ['truncated JSON', '{"answerable": true, "answer": "x", "citations": [{"url": '],
    ['answerable not a boolean', '{"answerable": "yes", "answer": "", "confidence": 1, "citations": []}'],
    ['confidence missing', '{"answerable": true, "answer": "", "citations": []}'],
    ['citation without quote', '{"answerable": true, "answer": "", "confidence": 1, "citations": [{"url": "u"}]}'],
    ['citations not a list', '{"answerable": true, "answer": "", "confidence": 1, "citations": "u"}'],
    ['an array', '[1, 2]'],
  ])('rejects %s as malformed', (_name, content) => {
    expect(parseAnswer(content)).toBeNull();
  });

  it('caps the number of citations', () => {
    const many = { ...good, citations: Array.from({ length: 50 }, (_, i) => ({ url: `u${i}`, quote: 'q' })) };
    expect(parseAnswer(JSON.stringify(many))!.citations).toHaveLength(8);
  });

  it('asks for a strict schema with every property required', () => {
    expect(ANSWER_JSON_SCHEMA.required).toEqual(['answerable', 'answer', 'confidence', 'citations']);
    expect(ANSWER_JSON_SCHEMA.additionalProperties).toBe(false);
    expect(ANSWER_JSON_SCHEMA.properties.citations.items.required).toEqual(['url', 'quote']);
    expect(extractJsonObject('no object')).toBeNull();
  });
});
