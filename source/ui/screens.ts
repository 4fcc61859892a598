// The screens other than 首页, imported once the first frame is out: 首页 needs none of them, and
// compiling them (with zod and the operations they bring) would delay it. Keys wait until they are
// here (OneKeyAtATime's `ready`), so a key never reaches a screen still loading.
import { useEffect, useState } from 'react';

export type Screens = typeof import('./screen-switch.js');

let loaded: Screens | null = null;
let loading: Promise<Screens> | null = null;

export function loadScreens(): Promise<Screens> {
  return (loading ??= import('./screen-switch.js').then((m) => (loaded = m)));
}

/** The screens module, or null on the first frame (an effect then loads it and renders again). */
export function useScreens(): Screens | null {
  const [screens, setScreens] = useState(loaded);
  useEffect(() => {
    if (!screens) void loadScreens().then(setScreens);
  }, [screens]);
  return screens;
}
