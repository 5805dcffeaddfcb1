import type { Pack } from '../../shared/content';
import { ok, type Result } from '../../shared/protocol';
import type { ShowCommand } from '../core/commands';
import type { Outputs } from './outputs';
import { resultOf } from './refusals';

/** The commands that only change what the outputs show: languages, overlays, the stage. */
export type OutputCommand = Extract<
  ShowCommand,
  {
    name:
      'setOutputLanguages' | 'overlay' | 'stageMessage' | 'stageMessageClear' | 'setStageLanguage';
  }
>;

export function performOutputCommand(outputs: Outputs, pack: Pack, command: OutputCommand): Result {
  switch (command.name) {
    case 'setOutputLanguages':
      return resultOf(outputs.setLanguages(pack, command.output, command.languages));
    case 'overlay':
      outputs.setOverlay(command.element, command.on);
      return ok;
    case 'stageMessage':
      outputs.setStageMessage(command.text);
      return ok;
    case 'stageMessageClear':
      outputs.setStageMessage(null);
      return ok;
    case 'setStageLanguage':
      return resultOf(outputs.setStageLanguage(pack, command.language));
  }
}
