// The studio page's browser side: the draft kept in localStorage across a reload, and Ctrl+Z / Ctrl+Shift+Z.
export function readDraft(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeDraft(key, history) {
  try {
    if (history) {
      window.localStorage.setItem(key, history);
    } else {
      window.localStorage.removeItem(key);
    }
  } catch {
    // Storage full or disabled: the draft still lives in the server's circuit until the page closes.
  }
}

export function bindShortcuts(dotnet) {
  function onKeyDown(event) {
    if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' && event.key.toLowerCase() !== 'y') {
      return;
    }
    const target = event.target;
    // Typing in a field keeps the field's own undo.
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
      return;
    }
    event.preventDefault();
    const redo = event.key.toLowerCase() === 'y' || event.shiftKey;
    dotnet.invokeMethodAsync(redo ? 'RedoFromKeyboard' : 'UndoFromKeyboard').catch(() => {});
  }
  window.addEventListener('keydown', onKeyDown);
  return { dispose: () => window.removeEventListener('keydown', onKeyDown) };
}
