import { completeCall } from '../call/call-ops';
import { completeCreate } from '../call/create-ops';
import { endCreate } from '../call/creation';
import { endCall } from '../call/message-call';
import { type Frame, FrameKind } from './frame';
import { runFast, runTraced } from './loop';
import { ENTER, SUSPEND } from './status';

/**
 * Runs `root` and every frame it calls to completion, without recursion: a handler that calls
 * or creates hands back the child frame, which runs next; when it halts, its outcome is folded
 * into its parent, which resumes after the calling instruction. The only awaits are for state a
 * handler found not loaded. The root frame's own end is left to the caller (`endCall` or
 * `endCreate`), which knows whether it was a call or a creation.
 */
export async function runFrames(root: Frame): Promise<void> {
  const onOpcode = root.ctx.hooks?.onOpcode;
  let f = root;
  let i = 0;
  for (;;) {
    const code = onOpcode === undefined ? runFast(f, i) : runTraced(f, i, onOpcode);
    if (code === SUSPEND) {
      const pending = f.pending;
      f.pending = undefined;
      await pending;
      i = f.resumeAt;
      continue;
    }
    if (code === ENTER) {
      const child = f.child as Frame;
      f.child = undefined;
      f = child;
      i = 0;
      continue;
    }
    if (f === root) return;
    const parent = f.parent as Frame;
    if (f.kind >= FrameKind.Create) completeCreate(parent, endCreate(f.ctx, f), f.address);
    else completeCall(parent, endCall(f.ctx, f), f.retOffset, f.retSize);
    f = parent;
    i = parent.resumeAt + 1;
  }
}
