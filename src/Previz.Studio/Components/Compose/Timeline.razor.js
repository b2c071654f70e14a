// Dragging a key along its track: the key follows the pointer, and on release .NET receives where it landed as a
// fraction of the shot's span (it becomes a moveKey operation, refused onto another key).
export function attachKeyDrag(timeline, dotnet) {
  let drag = null;

  function onDown(event) {
    const key = event.target.closest('.key');
    if (!key || event.button !== 0) {
      return;
    }
    const lane = key.closest('.lane');
    drag = { key, lane, startX: event.clientX, moved: false, left: key.style.left };
    key.setPointerCapture(event.pointerId);
  }

  function fraction(event) {
    const bounds = drag.lane.getBoundingClientRect();
    return Math.min(1, Math.max(0, (event.clientX - bounds.left) / bounds.width));
  }

  function onMove(event) {
    if (!drag) {
      return;
    }
    if (Math.abs(event.clientX - drag.startX) > 3) {
      drag.moved = true;
    }
    if (drag.moved) {
      drag.key.style.left = `${fraction(event) * 100}%`;
    }
  }

  function onUp(event) {
    if (!drag) {
      return;
    }
    const { key, moved, left } = drag;
    const at = fraction(event);
    drag = null;
    if (moved) {
      // Back where it was until the edit is applied: a refused move leaves the key in place.
      key.style.left = left;
      event.preventDefault();
      dotnet.invokeMethodAsync('OnKeyDragged', key.dataset.row, Number(key.dataset.time), at).catch(() => {});
    }
  }

  timeline.addEventListener('pointerdown', onDown);
  timeline.addEventListener('pointermove', onMove);
  timeline.addEventListener('pointerup', onUp);
  return {
    dispose() {
      timeline.removeEventListener('pointerdown', onDown);
      timeline.removeEventListener('pointermove', onMove);
      timeline.removeEventListener('pointerup', onUp);
    },
  };
}
