// Whether pinyin-pro (search by 拼音首字母) has loaded; the first list that searches starts loading it,
// and its keys are built again when it arrives, a moment later (domain/search.ts).
import { useEffect, useState } from 'react';
import { loadPinyin, pinyinLoaded } from '../../domain/search.js';

export function usePinyin(): boolean {
  const [ready, setReady] = useState(pinyinLoaded);
  useEffect(() => {
    if (!ready) void loadPinyin().then(() => setReady(true));
  }, [ready]);
  return ready;
}
