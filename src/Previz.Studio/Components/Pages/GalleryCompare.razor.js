// The compare view's browser side: one play/pause/seek control drives every take's <video>. The first video that
// is longest is the clock; the others follow it, corrected whenever they drift by more than DRIFT seconds, so they
// show the same moment of the shot side by side. A take shorter than the clock rests on its last frame.
const DRIFT = 0.05;

export function bind(root) {
  return new CompareSync(root);
}

class CompareSync {
  constructor(root) {
    this.root = root;
    this.playing = false;
    this.frame = 0;
    this.button = root.querySelector('[data-compare-play]');
    this.seek = root.querySelector('[data-compare-seek]');
    this.label = root.querySelector('[data-compare-time]');
    this.onPlay = () => (this.playing ? this.pause() : this.play());
    this.onSeek = () => this.seekTo(Number(this.seek.value));
    this.button?.addEventListener('click', this.onPlay);
    this.seek?.addEventListener('input', this.onSeek);
    this.refresh();
    // Tells a watcher (and the browser tests) that the control drives the videos now.
    root.dataset.compareReady = '1';
  }

  videos() {
    return [...this.root.querySelectorAll('video[data-compare-video]')];
  }

  /** The clock: the longest video whose length is known, else the first. */
  clock() {
    const videos = this.videos();
    let best = videos[0] ?? null;
    for (const v of videos) {
      if (Number.isFinite(v.duration) && (!best || !Number.isFinite(best.duration) || v.duration > best.duration)) {
        best = v;
      }
    }
    return best;
  }

  /** Takes that landed since the last call join at the others' time. */
  refresh() {
    const now = this.clock()?.currentTime ?? 0;
    for (const v of this.videos()) {
      if (v.dataset.compareBound) {
        continue;
      }
      v.dataset.compareBound = '1';
      v.addEventListener('loadedmetadata', () => {
        this.updateRange();
        this.place(v, this.clock()?.currentTime ?? now);
      });
      v.addEventListener('ended', () => this.ended());
      if (v.readyState >= 1) {
        this.place(v, now);
      }
      if (this.playing) {
        v.play().catch(() => {});
      }
    }
    this.updateRange();
  }

  updateRange() {
    const lengths = this.videos().map((v) => v.duration).filter(Number.isFinite);
    if (this.seek && lengths.length > 0) {
      this.seek.max = String(Math.max(...lengths));
    }
  }

  place(video, seconds) {
    const end = Number.isFinite(video.duration) ? video.duration : seconds;
    video.currentTime = Math.max(0, Math.min(seconds, end));
  }

  play() {
    const clock = this.clock();
    if (!clock) {
      return;
    }
    // Every take from the clock's time, started in the same click (a user gesture, so sound may play).
    const start = clock.ended ? 0 : clock.currentTime;
    this.playing = true;
    for (const v of this.videos()) {
      this.place(v, start);
      v.play().catch(() => {});
    }
    this.setButton();
    this.tick();
  }

  pause() {
    this.playing = false;
    cancelAnimationFrame(this.frame);
    const videos = this.videos();
    for (const v of videos) {
      v.pause();
    }
    const clock = this.clock();
    if (clock) {
      for (const v of videos) {
        if (v !== clock) {
          this.place(v, clock.currentTime);
        }
      }
    }
    this.setButton();
    this.show(clock?.currentTime ?? 0);
  }

  seekTo(seconds) {
    for (const v of this.videos()) {
      this.place(v, seconds);
    }
    this.show(seconds);
  }

  ended() {
    const clock = this.clock();
    if (this.playing && clock && clock.ended) {
      this.playing = false;
      cancelAnimationFrame(this.frame);
      this.setButton();
    }
  }

  tick() {
    cancelAnimationFrame(this.frame);
    const step = () => {
      if (!this.playing) {
        return;
      }
      const clock = this.clock();
      if (clock) {
        const t = clock.currentTime;
        for (const v of this.videos()) {
          if (v === clock) {
            continue;
          }
          const end = Number.isFinite(v.duration) ? v.duration : Infinity;
          // A video still seeking shows the time it seeks to: correcting it again would only restart the seek.
          if (t < end && !v.seeking && Math.abs(v.currentTime - t) > DRIFT) {
            v.currentTime = t;
          }
          if (t < end && v.paused) {
            v.play().catch(() => {});
          }
        }
        this.show(t);
      }
      this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }

  show(seconds) {
    if (this.label) {
      this.label.textContent = `${seconds.toFixed(2)} s`;
    }
    if (this.seek && document.activeElement !== this.seek) {
      this.seek.value = String(seconds);
    }
  }

  setButton() {
    if (this.button) {
      this.button.textContent = this.playing ? 'Pause' : 'Play';
      this.button.setAttribute('aria-pressed', this.playing ? 'true' : 'false');
    }
  }

  dispose() {
    delete this.root.dataset.compareReady;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.button?.removeEventListener('click', this.onPlay);
    this.seek?.removeEventListener('input', this.onSeek);
  }
}
