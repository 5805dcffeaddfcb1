import { describe, expect, it } from 'vitest';
import { ShowEngine, positionOf } from '../../../../src/main/show/engine';
import { commandSchema, showStateSchema } from '../../../../src/shared/protocol';
import { playlist, snapshot, statement } from './content-fixtures';
import { FakeClock } from './fake-clock';

const content = (languages = ['en', 'ru']) =>
  snapshot([statement('a'), statement('b'), playlist('main', ['a', 'b'])], { languages });

describe('the stage message', () => {
  it('stays through slides and new content until the operator clears it', () => {
    const engine = new ShowEngine(content(), { clock: new FakeClock(0) });
    expect(engine.state().stage).toEqual({ message: null, language: null });
    expect(engine.execute({ name: 'stageMessage', text: 'Stream is down' })).toEqual({ ok: true });
    engine.execute({ name: 'next' });
    engine.setContent(content());
    expect(engine.state().stage.message).toBe('Stream is down');
    expect(showStateSchema.parse(engine.state()).stage.message).toBe('Stream is down');
    engine.execute({ name: 'stageMessageClear' });
    expect(engine.state().stage.message).toBeNull();
    engine.stop();
  });

  it('is not part of what is saved for a restart', () => {
    const engine = new ShowEngine(content(), { clock: new FakeClock(0) });
    engine.execute({ name: 'stageMessage', text: '2 minutes' });
    const saved = JSON.stringify(positionOf(engine.state()));
    expect(saved).not.toContain('2 minutes');
    const restarted = new ShowEngine(content(), {
      clock: new FakeClock(0),
      resume: positionOf(engine.state()),
    });
    expect(restarted.state().stage.message).toBeNull();
    engine.stop();
    restarted.stop();
  });

  it('takes only one short line of plain text', () => {
    const parse = (text: string) => commandSchema.safeParse({ name: 'stageMessage', text });
    expect(parse('Wrap up').success).toBe(true);
    // Markup is just text: the stage renders it as typed, never as HTML.
    expect(parse('<img src=x onerror=alert(1)>').success).toBe(true);
    expect(parse('').success).toBe(false);
    expect(parse('   ').success).toBe(false);
    expect(parse('x'.repeat(121)).success).toBe(false);
    expect(parse('line one\nline two').success).toBe(false);
    expect(parse('bell\u0007').success).toBe(false);
    // A right-to-left override would show the words in another order than typed.
    expect(parse('stream \u202Enwod si').success).toBe(false);
    expect(parse('isolate \u2066x\u2069').success).toBe(false);
    expect(parse('  padded  ').success && parse('  padded  ').data).toMatchObject({
      text: 'padded',
    });
  });
});

describe('the stage language', () => {
  it("follows each song's own language until the operator picks one of the pack's", () => {
    const engine = new ShowEngine(content(), { clock: new FakeClock(0) });
    expect(engine.execute({ name: 'setStageLanguage', language: 'ru' })).toEqual({ ok: true });
    expect(engine.state().stage.language).toBe('ru');
    const refused = engine.execute({ name: 'setStageLanguage', language: 'de' });
    expect(refused).toMatchObject({ ok: false, error: { key: 'core:show.languagesNotInPack' } });
    expect(engine.state().stage.language).toBe('ru');
    expect(engine.execute({ name: 'setStageLanguage', language: null })).toEqual({ ok: true });
    expect(engine.state().stage.language).toBeNull();
    engine.stop();
  });

  it('falls back to the songs’ own language when new content drops the chosen one', () => {
    const engine = new ShowEngine(content(), { clock: new FakeClock(0) });
    engine.execute({ name: 'setStageLanguage', language: 'ru' });
    engine.setContent(content(['en']));
    expect(engine.state().stage.language).toBeNull();
    engine.stop();
  });
});
