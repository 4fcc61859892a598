// Keys typed before the screens have loaded (the first moments after 首页 shows, screens.ts) wait and
// then take effect in order; none is lost or reaches a screen that is not there yet.
import { Text, useInput } from 'ink';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { OneKeyAtATime } from '../../source/ui/components/one-key-at-a-time.js';
import { untilFrame } from '../helpers/ui-harness.js';

function Typed() {
  const [keys, setKeys] = useState('');
  useInput((input) => setKeys((k) => k + input));
  return <Text>typed:{keys}.</Text>;
}

describe('keys before the frame is ready', () => {
  it('wait, then arrive in order', async () => {
    const app = render(
      <OneKeyAtATime ready={false}>
        <Typed />
      </OneKeyAtATime>,
    );
    const frame = () => app.lastFrame() ?? '';
    await untilFrame(frame, 'typed:.');
    app.stdin.write('3jj');
    app.stdin.write('k');
    await new Promise((r) => setTimeout(r, 100));
    expect(frame()).toContain('typed:.');
    app.rerender(
      <OneKeyAtATime ready>
        <Typed />
      </OneKeyAtATime>,
    );
    await untilFrame(frame, 'typed:3jjk.');
    app.stdin.write('x');
    await untilFrame(frame, 'typed:3jjkx.');
    app.unmount();
  });
});
