import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShowServer } from '../../../../src/main/core/show-server';
import type { ShowEngine } from '../../../../src/main/show/engine';
import type { Command } from '../../../../src/shared/protocol';
import { playlist, snapshot, statement } from '../show/content-fixtures';
import { socketClients, startTestServer, stopTestServer, makeFixture } from './helpers';

let fixture: ReturnType<typeof makeFixture>;
let engine: ShowEngine;
let server: ShowServer;
const { clients, connected } = socketClients(() => server);

beforeEach(async () => {
  ({ fixture, engine, server } = await startTestServer(
    snapshot([statement('a'), statement('b'), playlist('main', ['a', 'b'])], {
      languages: ['en', 'ru'],
    }),
  ));
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  await stopTestServer({ server, engine, fixture });
});

const stageCommands: Command[] = [
  { name: 'stageMessage', text: 'everyone off the stage' },
  { name: 'stageMessageClear' },
  { name: 'setStageLanguage', language: 'ru' },
];

describe('the stage role over the socket', () => {
  it('connects with its own token and sees the show, the message included', async () => {
    const operator = await connected('operator');
    const stage = await connected('stage');
    operator.send({
      type: 'command',
      requestId: 'm1',
      command: { name: 'stageMessage', text: '2 minutes' },
    });
    expect(await operator.nextOf('result')).toMatchObject({ ok: true });
    expect((await stage.nextOf('show')).show.stage).toEqual({
      message: '2 minutes',
      language: null,
    });
  });

  it('refuses the stage commands from every role but the operator, as a phone or a screen would send them', async () => {
    expect(await server.remote.enable()).toEqual({ ok: true });
    for (const role of ['stage', 'display', 'kiosk', 'overlay', 'remote'] as const) {
      const client = await connected(role);
      for (const [index, command] of stageCommands.entries()) {
        client.send({ type: 'command', requestId: `${role}${index}`, command });
        expect(await client.nextOf('result')).toMatchObject({
          ok: false,
          error: expect.objectContaining({
            message: `the ${role} role may not send ${command.name}`,
          }),
        });
      }
    }
    expect(engine.state().stage).toEqual({ message: null, language: null });
  });

  it('lets the stage run no command at all: it only shows', async () => {
    const stage = await connected('stage');
    const commands: Command[] = [
      { name: 'next' },
      { name: 'blackout', on: true },
      { name: 'safeMode', on: true },
      { name: 'lyricsNext' },
    ];
    for (const [index, command] of commands.entries()) {
      stage.send({ type: 'command', requestId: `s${index}`, command });
      expect(await stage.nextOf('result')).toMatchObject({ ok: false });
    }
    expect(engine.state()).toMatchObject({ itemId: 'a', blackout: false, safeMode: false });
  });
});
