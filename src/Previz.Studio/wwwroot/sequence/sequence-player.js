// The sequence player, shared by the studio's Sequence view and a review link's page. It reads a cut ({base}cut:
// shots back to back with their start and length, sound cues, and their files as media/{n} under base) and plays it
// on one <video>: each take from its own start for its shot's length, a take shorter than its shot held on its last
// frame until the shot ends, then the next shot. Sound cues are <audio> elements started and stopped at their times,
// their gain applied through Web Audio when above 0 dB (an element's volume stops at 1).

export function formatTime(seconds) {
    const s = Math.max(0, seconds || 0);
    const minutes = Math.floor(s / 60);
    const rest = s - minutes * 60;
    return `${minutes}:${rest.toFixed(1).padStart(4, '0')}`;
}

const endSlack = 0.04;

export class SequencePlayer {
    constructor(root, base) {
        this.root = root;
        this.base = base.endsWith('/') ? base : base + '/';
        this.cut = null;
        this.time = 0;
        this.playing = false;
        this.index = -1;
        this.held = false;
        this.pendingOffset = null;
        this.listeners = [];
        this.cues = [];
        this.audioContext = null;
        this.frame = 0;

        this.video = document.createElement('video');
        this.video.className = 'seq-video';
        this.video.playsInline = true;
        this.video.preload = 'auto';
        this.playButton = document.createElement('button');
        this.playButton.type = 'button';
        this.playButton.className = 'seq-play';
        this.playButton.textContent = 'Play';
        this.scrub = document.createElement('input');
        this.scrub.type = 'range';
        this.scrub.className = 'seq-scrub';
        this.scrub.min = '0';
        this.scrub.step = '0.01';
        this.scrub.value = '0';
        this.scrub.setAttribute('aria-label', 'Time in the sequence');
        this.clock = document.createElement('span');
        this.clock.className = 'seq-time';
        this.shotLabel = document.createElement('span');
        this.shotLabel.className = 'seq-shot';
        const controls = document.createElement('div');
        controls.className = 'seq-controls';
        controls.append(this.playButton, this.scrub, this.clock, this.shotLabel);
        root.replaceChildren(this.video, controls);

        this.playButton.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
        this.scrub.addEventListener('input', () => this.seek(Number(this.scrub.value)));
        this.video.addEventListener('loadedmetadata', () => this.placePending());
        this.video.addEventListener('ended', () => {
            this.held = true;
        });
        this.tick = this.tick.bind(this);
    }

    /** Reads the cut (again: after a take or a cue changed) and shows the frame at the current time. */
    async load() {
        const response = await fetch(this.base + 'cut', { credentials: 'same-origin', cache: 'no-store' });
        if (!response.ok) {
            throw new Error(`The sequence could not be read (${response.status}).`);
        }

        const wasPlaying = this.playing;
        this.pause();
        for (const cue of this.cues) {
            cue.audio.removeAttribute('src');
            cue.audio.load();
        }

        this.cut = await response.json();
        this.cues = this.cut.cues.map(cue => {
            const audio = new Audio(this.base + 'media/' + cue.media);
            audio.preload = 'auto';
            audio.volume = Math.min(1, Math.pow(10, cue.gainDb / 20));
            return { cue, audio, gain: null };
        });
        this.index = -1;
        this.seek(Math.min(this.time, this.duration));
        if (wasPlaying) {
            this.play();
        }
    }

    /** The cut's length in seconds (a single gallery clip: its file's, once known). */
    get duration() {
        if (!this.cut) {
            return 0;
        }

        if (this.cut.duration) {
            return this.cut.duration;
        }

        return this.clipDuration(this.cut.clips[0], 0);
    }

    onTime(listener) {
        this.listeners.push(listener);
    }

    clipDuration(clip, index) {
        if (clip.duration > 0) {
            return clip.duration;
        }

        return index === this.index && Number.isFinite(this.video.duration) ? this.video.duration : 0;
    }

    clipAt(time) {
        const clips = this.cut.clips;
        for (let i = 0; i < clips.length; i++) {
            if (time < clips[i].start + this.clipDuration(clips[i], i)) {
                return i;
            }
        }

        return clips.length - 1;
    }

    /** Loads clip i and puts it at offset seconds into its take (held on the last frame past the take's end). */
    show(i, offset) {
        if (i !== this.index) {
            this.index = i;
            this.video.src = this.base + 'media/' + this.cut.clips[i].media;
            this.video.load();
        }

        this.pendingOffset = offset;
        this.held = false;
        if (this.video.readyState >= 1) {
            this.placePending();
        }

        const clip = this.cut.clips[i];
        this.shotLabel.textContent = `${clip.name} · ${clip.takeLabel}`;
    }

    placePending() {
        if (this.pendingOffset === null) {
            return;
        }

        const length = this.video.duration;
        const offset = this.pendingOffset;
        this.pendingOffset = null;
        if (Number.isFinite(length) && offset >= length - endSlack) {
            this.video.currentTime = Math.max(0, length - endSlack);
            this.held = true;
            this.video.pause();
        } else {
            this.video.currentTime = offset;
            if (this.playing) {
                this.startVideo();
            }
        }

        if (!this.cut.duration) {
            this.scrub.max = String(this.duration);
            this.emit();
        }
    }

    startVideo() {
        const started = this.video.play();
        if (started) {
            started.catch(() => {
                // A newer src or a pause came first; the next tick goes on from there.
            });
        }
    }

    seek(time) {
        if (!this.cut) {
            return;
        }

        const t = Math.max(0, Math.min(time, this.duration || time));
        this.time = t;
        const i = this.clipAt(t);
        this.show(i, Math.max(0, t - this.cut.clips[i].start));
        this.syncCues(true);
        this.emit();
    }

    play() {
        if (!this.cut || this.playing) {
            return;
        }

        if (this.duration > 0 && this.time >= this.duration - 0.001) {
            this.seek(0);
        }

        this.ensureGain();
        this.playing = true;
        this.playButton.textContent = 'Pause';
        this.root.classList.add('playing');
        if (!this.held && this.pendingOffset === null) {
            this.startVideo();
        }

        this.last = performance.now();
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(this.tick);
    }

    pause() {
        this.playing = false;
        cancelAnimationFrame(this.frame);
        this.video.pause();
        this.playButton.textContent = 'Play';
        this.root.classList.remove('playing');
        this.syncCues(false);
    }

    tick(now) {
        if (!this.playing) {
            return;
        }

        const dt = (now - this.last) / 1000;
        this.last = now;
        const clip = this.cut.clips[this.index];
        const end = clip.start + this.clipDuration(clip, this.index);
        if (this.held) {
            // The take has ended before its shot: its last frame stays while the clock runs.
            this.time += dt;
        } else if (this.pendingOffset === null && !this.video.seeking && this.video.readyState >= 2) {
            // The picture is the clock, so a take that stalls to load does not fall behind its sound.
            this.time = clip.start + this.video.currentTime;
            if (this.video.paused && !this.video.ended) {
                this.startVideo();
            }
        }

        if (end > 0 && this.time >= end - 0.001) {
            if (this.index + 1 < this.cut.clips.length) {
                this.time = end;
                this.show(this.index + 1, 0);
            } else {
                this.time = end;
                this.pause();
                this.emit();
                return;
            }
        }

        this.syncCues(false);
        this.emit();
        this.frame = requestAnimationFrame(this.tick);
    }

    ensureGain() {
        const loud = this.cues.filter(c => c.cue.gainDb > 0 && !c.gain);
        if (loud.length === 0 || !(window.AudioContext)) {
            return;
        }

        this.audioContext ??= new AudioContext();
        for (const c of loud) {
            const source = this.audioContext.createMediaElementSource(c.audio);
            c.gain = this.audioContext.createGain();
            c.gain.gain.value = Math.pow(10, c.cue.gainDb / 20);
            c.audio.volume = 1;
            source.connect(c.gain).connect(this.audioContext.destination);
        }

        this.audioContext.resume();
    }

    syncCues(jumped) {
        for (const c of this.cues) {
            const into = this.time - c.cue.start;
            const inside = this.playing && into >= 0 && into < c.cue.duration;
            if (!inside) {
                if (!c.audio.paused) {
                    c.audio.pause();
                }

                continue;
            }

            if (c.audio.paused || jumped || Math.abs(c.audio.currentTime - into) > 0.25) {
                c.audio.currentTime = into;
            }

            if (c.audio.paused) {
                c.audio.play().catch(() => {});
            }
        }
    }

    emit() {
        const duration = this.duration;
        this.scrub.max = String(duration);
        this.scrub.value = String(this.time);
        this.clock.textContent = `${formatTime(this.time)} / ${formatTime(duration)}`;
        this.root.dataset.time = this.time.toFixed(3);
        for (const listener of this.listeners) {
            listener(this.time);
        }
    }

    destroy() {
        this.pause();
        this.video.removeAttribute('src');
        this.video.load();
        for (const c of this.cues) {
            c.audio.removeAttribute('src');
        }

        this.audioContext?.close();
    }
}

/** For the studio (Blazor JS interop): a player on root, its cut read from base. */
export async function mount(root, base) {
    const player = new SequencePlayer(root, base);
    await player.load();
    return player;
}

/** Copies text to the clipboard; false when the browser refuses (no secure context, no permission). */
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
