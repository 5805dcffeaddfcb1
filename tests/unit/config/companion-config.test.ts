import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../src/main/server/api/openapi';
import { commandPermissions, commandSchema } from '../../../src/shared/protocol';
import {
  controlCommandBodySchema,
  controlStateSchema,
} from '../../../src/shared/protocol/control-api';
import { caseItem, playlist, snapshot } from '../main/show/content-fixtures';
import { startTestServer, stopTestServer } from '../main/server/helpers';

/*
 * The Companion page in integrations/companion: every button calls a real route of the
 * control API with a command the control role may send, and the feedback reads fields the
 * state really has. Companion itself is not here; this checks what we can.
 */

const FILE = path.resolve('integrations/companion/solidarity-screens.companionconfig');
const BASE = '$(custom:ss_base_url)';

interface HttpAction {
  action: string;
  instance: string;
  options: { url: string; header: string; body?: string; contenttype?: string };
}

const config = JSON.parse(readFileSync(FILE, 'utf8')) as {
  version: number;
  type: string;
  pages: Record<string, { controls: Record<string, Record<string, Control>> }>;
  triggers: Record<string, { action_sets: Record<string, HttpAction[]> }>;
  custom_variables: Record<string, { defaultValue: unknown }>;
  instances: Record<string, { instance_type: string }>;
};
interface Control {
  style: { text: string };
  feedbacks: { type: string; instance_id: string; options: { expression: string } }[];
  steps: Record<string, { action_sets: Record<string, HttpAction[]> }>;
}

const buttons = Object.values(config.pages).flatMap((page) =>
  Object.values(page.controls).flatMap((row) => Object.values(row)),
);
const buttonActions = buttons.flatMap((b) =>
  Object.values(b.steps).flatMap((step) => Object.values(step.action_sets).flat()),
);
const triggerActions = Object.values(config.triggers).flatMap((t) =>
  Object.values(t.action_sets).flat(),
);
const bodies = buttonActions.map((a) => JSON.parse(a.options.body ?? 'null') as unknown);

function route(action: HttpAction) {
  expect(action.options.url.startsWith(`${BASE}/api/v1/`), action.options.url).toBe(true);
  const routePath = action.options.url.slice(`${BASE}/api/v1`.length);
  return apiRoutes.find((r) => r.method === action.action.toUpperCase() && r.path === routePath);
}

describe('the Companion config', () => {
  it('is a Companion full export with the generic HTTP connection and the two variables to edit', () => {
    expect(config.type).toBe('full');
    expect(config.version).toBe(4);
    const [connection] = Object.entries(config.instances);
    expect(connection?.[1].instance_type).toBe('generic-http');
    expect(Object.keys(config.custom_variables)).toEqual(
      expect.arrayContaining(['ss_base_url', 'ss_token', 'ss_state']),
    );
  });

  it('calls only real control routes, as a control token may, with the token from the variable', () => {
    for (const action of [...buttonActions, ...triggerActions]) {
      expect(action.instance).toBe(Object.keys(config.instances)[0]);
      const found = route(action);
      expect(found, action.options.url).toBeDefined();
      expect(found?.access).toBe('operator-or-control');
      expect(JSON.parse(action.options.header)).toEqual({
        Authorization: 'Bearer $(custom:ss_token)',
      });
    }
    expect(triggerActions.map((a) => `${a.action} ${a.options.url}`)).toContain(
      `get ${BASE}/api/v1/state`,
    );
  });

  it('sends on each button a command the control role may send', () => {
    expect(buttonActions.length).toBeGreaterThan(0);
    for (const [i, body] of bodies.entries()) {
      expect(buttonActions[i]?.options.contenttype).toBe('application/json');
      const outer = controlCommandBodySchema.parse(body);
      const { command: name, ...params } = outer;
      const command = commandSchema.parse({ ...params, name });
      expect(commandPermissions.control).toContain(command.name);
    }
  });

  it('has the buttons the issue asks for', () => {
    const names = bodies.map((b) => JSON.stringify(b));
    for (const wanted of [
      { command: 'next' },
      { command: 'previous' },
      { command: 'blackout', on: true },
      { command: 'blackout', on: false },
      { command: 'safeMode', on: true },
      { command: 'lyricsNext' },
      { command: 'lyricsPrevious' },
      { command: 'setlistNextSong' },
      ...['lowerThird', 'lyrics', 'drawing', 'nowPlaying'].flatMap((element) => [
        { command: 'overlay', element, on: true },
        { command: 'overlay', element, on: false },
      ]),
    ]) {
      expect(names).toContain(JSON.stringify(wanted));
    }
    // Never safe mode off: that is the operator's, at the console.
    expect(names).not.toContain(JSON.stringify({ command: 'safeMode', on: false }));
  });

  it('reads feedback from fields the state has, from the variable the trigger fills', () => {
    const fields = new Set(Object.keys(controlStateSchema.shape));
    const feedbacks = buttons.flatMap((b) => b.feedbacks);
    expect(feedbacks.length).toBeGreaterThan(0);
    const read = new Set<string>();
    for (const feedback of feedbacks) {
      expect(feedback.instance_id).toBe('internal');
      for (const [, jsonPath] of feedback.options.expression.matchAll(
        /jsonpath\(\$\(custom:ss_state\), '\$\.([A-Za-z.]+)'\)/g,
      )) {
        const [field] = (jsonPath ?? '').split('.');
        expect(fields.has(field ?? ''), jsonPath).toBe(true);
        read.add(field ?? '');
      }
    }
    expect([...read]).toEqual(expect.arrayContaining(['blackout', 'paused', 'overlays']));
  });

  describe('against a running core', () => {
    let running: Awaited<ReturnType<typeof startTestServer>>;
    let token: string;
    beforeAll(async () => {
      running = await startTestServer(snapshot([caseItem('a'), playlist('main', ['a'])]));
      token = running.server.controlTokens.create('companion').token;
    });
    afterAll(async () => {
      await stopTestServer(running);
    });

    it('takes every button’s request with a control token (none refused as malformed or forbidden)', async () => {
      for (const action of buttonActions) {
        const url = action.options.url.replace(BASE, running.server.url);
        const headers = JSON.parse(
          action.options.header.replace('$(custom:ss_token)', token),
        ) as Record<string, string>;
        const response = await fetch(url, {
          method: action.action.toUpperCase(),
          headers: { ...headers, 'content-type': 'application/json' },
          body: action.options.body,
        });
        // 409 is the show's own refusal (no setlist runs in this pack); never 400/401/403.
        expect([200, 409], `${action.options.body} → ${response.status}`).toContain(
          response.status,
        );
      }
    });
  });
});
