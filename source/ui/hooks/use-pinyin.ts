// Whether pinyin-pro (search by 拼音首字母) has loaded; the first list that searches starts loading it,
// and its keys are built again when it arrives, a moment later (domain/search.ts). Until then the keys
// wait, so that zs typed or pasted at once finds 张三.
import { useLayoutEffect, useState } from 'react';
import { loadPinyin, pinyinLoaded } from '../../domain/search.js';
import { useHoldKeys } from '../components/one-key-at-a-time.js';

export function usePinyin(): boolean {
  const [ready, setReady] = useState(pinyinLoaded);
  const hold = useHoldKeys();
  useLayoutEffect(() => {
    if (!ready) hold(loadPinyin().then(() => setReady(true)));
  }, [ready, hold]);
  return ready;
}
