using System.Globalization;
using System.Text;
using Previz.Core.Sequences;
using Previz.Core.Sequences.Timelines;
using Previz.Rendering.Video;

namespace Previz.Rendering.Sequences;

/// <summary>
/// A cut to one MP4 at the cut's rate and size: every take fitted to its shot's frames (cut when longer, held on its
/// last frame when shorter), its sound kept (silence where it has none), the sound cues mixed in at their frames with
/// their gain, and optionally the shot's name and the record timecode burnt in.
/// </summary>
/// <remarks>
/// One ffmpeg run either way. When every take is H.264 of the cut's size and rate with the same pixel format and the
/// same codec setup, fills its shot exactly and nothing is burnt in, the pictures are joined as they are (concat
/// demuxer, <c>-c:v copy</c>); otherwise one filter graph decodes every take and the cut is encoded once. The sound
/// track is always built in the graph and encoded to AAC (cheap beside any picture work): a take's sound is rarely
/// exactly as long as its picture, and a copied track would slip against the picture at every cut. The MP4 is written
/// to a temporary file beside the target and moved into place only when complete.
/// </remarks>
/// <param name="media">The media boundary (default <see cref="MediaTool.Default"/>).</param>
/// <param name="probe">Shares the streams already probed by the caller (default: a new probe over <paramref name="media"/>).</param>
public sealed class AnimaticWriter(MediaTool? media = null, SequenceProbe? probe = null)
{
    /// <summary>The sound track's sample rate.</summary>
    public const int SampleRate = 48000;

    /// <summary>Where Debian's fonts-dejavu-core puts the burn-in's font.</summary>
    public const string DejaVuSansMono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

    private readonly MediaTool _media = probe?.Media ?? media ?? MediaTool.Default;
    private readonly SequenceProbe? _probe = probe;

    /// <summary>The media boundary this writer runs ffmpeg through.</summary>
    public MediaTool Media => _media;

    /// <summary>
    /// Writes <paramref name="cut"/> to <paramref name="outputMp4"/>; take and cue paths are resolved against
    /// <paramref name="mediaRoot"/> (absolute paths stay as they are). Progress is the fraction of the cut's frames
    /// written. On failure or cancellation nothing is left at the target or beside it (an existing file there is
    /// replaced only on success).
    /// </summary>
    /// <exception cref="SequenceException">A take or cue file is missing, unreadable, a take has no picture, a cue no sound, or the cut's size is odd.</exception>
    /// <exception cref="VideoEncodingException">ffmpeg failed.</exception>
    public async Task<AnimaticResult> WriteAsync(
        SequenceCut cut,
        string mediaRoot,
        string outputMp4,
        AnimaticOptions? options = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cut);
        ArgumentException.ThrowIfNullOrEmpty(mediaRoot);
        ArgumentException.ThrowIfNullOrEmpty(outputMp4);
        options ??= AnimaticOptions.Default;
        if (cut.Clips.Count == 0)
        {
            throw new SequenceException("A sequence needs at least one shot.");
        }

        if (cut.Width % 2 != 0 || cut.Height % 2 != 0 || cut.Width < 2 || cut.Height < 2)
        {
            throw new SequenceException($"An animatic's picture needs even sides (H.264 4:2:0); this cut is {cut.Width}×{cut.Height}.");
        }

        var takes = cut.Clips.Select(c => Resolve(mediaRoot, c.Take.MediaPath)).ToArray();
        var cues = cut.Cues.Select(c => Resolve(mediaRoot, c.MediaPath)).ToArray();
        for (var i = 0; i < takes.Length; i++)
        {
            RequireFile(takes[i], $"the take for shot \"{cut.Clips[i].ShotId}\"");
        }

        for (var i = 0; i < cues.Length; i++)
        {
            RequireFile(cues[i], $"sound cue \"{cut.Cues[i].Name}\"");
        }

        var probe = _probe ?? new SequenceProbe(_media);
        var takeStreams = await Task.WhenAll(takes.Select(t => probe.StreamsAsync(t, "video", cancellationToken)));
        for (var i = 0; i < takes.Length; i++)
        {
            if (takeStreams[i].Video is null)
            {
                throw new SequenceException($"\"{takes[i]}\" (the take for shot \"{cut.Clips[i].ShotId}\") has no picture: a take must be a video file.");
            }
        }

        var cueSounds = new AudioStreamInfo[cues.Length];
        for (var j = 0; j < cues.Length; j++)
        {
            cueSounds[j] = (await probe.StreamsAsync(cues[j], "audio", cancellationToken)).Audio
                ?? throw new SequenceException($"\"{cues[j]}\" (sound cue \"{cut.Cues[j].Name}\") is not an audio file: it has no sound to play.");
        }

        var copy = !options.BurnIn && CanCopy(cut, takeStreams);
        var hasAudio = cut.Cues.Count > 0 || takeStreams.Any(s => s.Audio is not null);
        var full = Path.GetFullPath(outputMp4);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.partial.mp4");
        var work = Directory.CreateTempSubdirectory("previz-animatic-").FullName;
        try
        {
            var args = copy
                ? CopyArguments(cut, takes, takeStreams, cues, cueSounds, work, hasAudio)
                : ReencodeArguments(cut, takes, takeStreams, cues, cueSounds, work, hasAudio, options);
            args.AddRange(["-f", "mp4", "-movflags", "+faststart", partial]);
            var frames = await _media.RunWithProgressAsync(args, cut.TotalFrames, progress, $"ffmpeg could not write the animatic of \"{cut.Name}\"", cancellationToken);
            if (frames != cut.TotalFrames)
            {
                throw new VideoEncodingException(string.Create(CultureInfo.InvariantCulture,
                    $"The animatic of \"{cut.Name}\" came out {frames} frames long instead of {cut.TotalFrames}; a take's frame count in the cut does not match its file."));
            }

            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            TryDelete(partial);
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        progress?.Report(1);
        return new AnimaticResult(full, copy ? AnimaticEncoding.StreamCopy : AnimaticEncoding.Reencode, cut.TotalFrames, hasAudio, Notes(cut));
    }

    /// <summary>
    /// Whether the takes' pictures can be joined without decoding: each fills its shot exactly and all are H.264 of the
    /// cut's size and rate, one pixel format and one codec setup (an MP4 track has one SPS/PPS).
    /// </summary>
    internal static bool CanCopy(SequenceCut cut, IReadOnlyList<MediaStreams> takes)
    {
        var first = takes[0].Video!;
        for (var i = 0; i < takes.Count; i++)
        {
            var clip = cut.Clips[i];
            var video = takes[i].Video!;
            if (clip.Take.SourceFrames != clip.Frames
                || video.Codec != "h264"
                || video.PixelFormat != first.PixelFormat
                || video.ExtradataHash != first.ExtradataHash
                || video.Width != cut.Width || video.Height != cut.Height
                || !SequenceProbe.SameRate(video.FrameRate, cut.Rate))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The notes of <see cref="AnimaticResult.Notes"/>.</summary>
    internal static List<string> Notes(SequenceCut cut)
    {
        var notes = new List<string>();
        foreach (var clip in cut.Clips)
        {
            if (clip.HeldFrames > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Shot \"{clip.Name}\" ({clip.ShotId}): the take has {clip.Take.SourceFrames} of the shot's {clip.Frames} frames; its last frame is held for {clip.HeldFrames} frames ({cut.Rate.Seconds(clip.HeldFrames):0.###} s)."));
            }
            else if (clip.Take.SourceFrames > clip.Frames)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Shot \"{clip.Name}\" ({clip.ShotId}): the take has {clip.Take.SourceFrames} frames; only its first {clip.Frames} are used."));
            }
        }

        return notes;
    }

    private static List<string> CopyArguments(SequenceCut cut, string[] takes, MediaStreams[] streams, string[] cues, AudioStreamInfo[] cueSounds, string work, bool hasAudio)
    {
        // The concat demuxer reads the takes one after the other; each declared duration is exactly its shot's frames,
        // so each take's picture starts on its shot's frame whatever its sound's length.
        var list = new StringBuilder("ffconcat version 1.0\n");
        for (var i = 0; i < takes.Length; i++)
        {
            list.Append("file '").Append(takes[i].Replace("'", @"'\''", StringComparison.Ordinal)).Append("'\n");
            list.Append(CultureInfo.InvariantCulture, $"duration {Seconds(cut.Rate.Seconds(cut.Clips[i].Frames))}\n");
        }

        var listFile = Path.Combine(work, "takes.ffconcat");
        File.WriteAllText(listFile, list.ToString());
        // -copyts: the concat demuxer's own start (a B-frame take's first decode time is before 0) would otherwise shift
        // the whole picture half a frame late against the sound.
        List<string> args = ["-copyts", "-f", "concat", "-safe", "0", "-i", listFile];
        var graph = new List<string>();
        var input = 1;
        if (hasAudio)
        {
            var sound = new List<string>();
            for (var i = 0; i < takes.Length; i++)
            {
                int? from = null;
                if (streams[i].Audio is not null)
                {
                    args.AddRange(["-vn", "-i", takes[i]]);
                    from = input++;
                }

                sound.Add(TakeSound(cut, i, from, streams[i].Audio, graph));
            }

            MixSound(cut, cues, cueSounds, sound, graph, args, ref input);
        }

        args.AddRange(["-map", "0:v:0", "-c:v", "copy"]);
        if (hasAudio)
        {
            args.AddRange(["-filter_complex", string.Join(';', graph), "-map", "[aout]", .. SoundCodec()]);
        }

        return args;
    }

    private List<string> ReencodeArguments(SequenceCut cut, string[] takes, MediaStreams[] streams, string[] cues, AudioStreamInfo[] cueSounds, string work, bool hasAudio, AnimaticOptions options)
    {
        var args = new List<string>();
        var graph = new List<string>();
        var pairs = new StringBuilder();
        var font = options.FontFile ?? (File.Exists(DejaVuSansMono) ? DejaVuSansMono : null);
        for (var i = 0; i < takes.Length; i++)
        {
            args.AddRange(["-i", takes[i]]);
            var clip = cut.Clips[i];
            var w = cut.Width;
            var h = cut.Height;
            // Rate first (fewer frames to scale when a take runs faster), then fit inside the cut's picture, centred;
            // the last frame repeated past the take's end and everything cut at the shot's length.
            var chain = new StringBuilder().Append(CultureInfo.InvariantCulture,
                $"[{i}:v:0]fps={cut.Rate},scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p,");
            chain.Append(CultureInfo.InvariantCulture, $"tpad=stop_mode=clone:stop={clip.Frames},trim=end_frame={clip.Frames},setpts=PTS-STARTPTS");
            if (options.BurnIn)
            {
                chain.Append(',').Append(BurnIn(cut, clip, i, work, font));
            }

            graph.Add(chain.Append(CultureInfo.InvariantCulture, $"[v{i}]").ToString());
            pairs.Append(CultureInfo.InvariantCulture, $"[v{i}]");
            if (hasAudio)
            {
                pairs.Append(TakeSound(cut, i, streams[i].Audio is null ? null : i, streams[i].Audio, graph));
            }
        }

        var input = takes.Length;
        if (!hasAudio)
        {
            graph.Add(string.Create(CultureInfo.InvariantCulture, $"{pairs}concat=n={takes.Length}:v=1:a=0[vout]"));
        }
        else
        {
            graph.Add(string.Create(CultureInfo.InvariantCulture, $"{pairs}concat=n={takes.Length}:v=1:a=1[vout][takes]"));
            MixSound(cut, cues, cueSounds, ["[takes]"], graph, args, ref input);
        }

        args.AddRange(["-filter_complex", string.Join(';', graph), "-map", "[vout]",
            "-c:v", "libx264", "-preset", _media.Options.Preset, "-crf", _media.Options.Crf.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p"]);
        if (hasAudio)
        {
            args.AddRange(["-map", "[aout]", .. SoundCodec()]);
        }

        return args;
    }

    /// <summary>
    /// Adds the chain that makes clip <paramref name="i"/>'s sound exactly as long as the shot: the take's first audio
    /// stream (input <paramref name="input"/>) cut or padded with silence, or silence when it has none. Returns its label.
    /// </summary>
    private static string TakeSound(SequenceCut cut, int i, int? input, AudioStreamInfo? audio, List<string> graph)
    {
        var clip = cut.Clips[i];
        // Sample positions from the record frames, so rounding never adds up along the cut.
        var samples = SamplesAt(cut, clip.RecordEnd) - SamplesAt(cut, clip.RecordStart);
        var label = string.Create(CultureInfo.InvariantCulture, $"[a{i}]");
        graph.Add(input is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"[{n}:a:0]{Layout(audio)},asetpts=PTS-STARTPTS,atrim=end_sample={samples},apad=whole_len={samples}{label}")
            : string.Create(CultureInfo.InvariantCulture, $"anullsrc=r={SampleRate}:cl=stereo,atrim=end_sample={samples}{label}"));
        return label;
    }

    /// <summary>
    /// Adds the cues as inputs and mixes them over <paramref name="sound"/> (the takes' track) into <c>[aout]</c>: each
    /// cue cut at the end of the sequence, given its gain and delayed to its frame; the mix sums without scaling, so
    /// levels stay as placed.
    /// </summary>
    private static void MixSound(SequenceCut cut, string[] cues, AudioStreamInfo[] cueSounds, List<string> sound, List<string> graph, List<string> args, ref int input)
    {
        if (sound.Count > 1)
        {
            graph.Add(string.Create(CultureInfo.InvariantCulture, $"{string.Concat(sound)}concat=n={sound.Count}:v=0:a=1[takes]"));
        }
        else if (sound[0] != "[takes]")
        {
            graph.Add($"{sound[0]}anull[takes]");
        }

        if (cues.Length == 0)
        {
            graph.Add("[takes]anull[aout]");
            return;
        }

        var mix = new StringBuilder("[takes]");
        for (var j = 0; j < cues.Length; j++)
        {
            var cue = cut.Cues[j];
            args.AddRange(["-vn", "-i", cues[j]]);
            var start = SamplesAt(cut, cue.RecordStart);
            var length = SamplesAt(cut, cue.RecordEnd) - start;
            graph.Add(string.Create(CultureInfo.InvariantCulture,
                $"[{input}:a:0]{Layout(cueSounds[j])},asetpts=PTS-STARTPTS,atrim=end_sample={length},volume={cue.GainDb:0.###}dB,adelay=delays={start}S:all=1[c{j}]"));
            mix.Append(CultureInfo.InvariantCulture, $"[c{j}]");
            input++;
        }

        graph.Add(string.Create(CultureInfo.InvariantCulture, $"{mix}amix=inputs={cues.Length + 1}:duration=first:dropout_transition=0:normalize=0[aout]"));
    }

    /// <summary>drawtext of the shot's name and the record timecode of its first frame, bottom left on a dark box.</summary>
    private static string BurnIn(SequenceCut cut, SequenceClip clip, int i, string work, string? font)
    {
        // The name goes through a file: no escaping of what a user typed, and no expansion of % in it.
        var textFile = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"shot{i}.txt"));
        File.WriteAllText(textFile, $"{clip.Name}  ", new UTF8Encoding(false));
        var size = Math.Max(12, cut.Height / 24);
        var margin = Math.Max(4, cut.Height / 40);
        var text = new StringBuilder("drawtext=");
        if (font is not null)
        {
            text.Append("fontfile=").Append(FilterValue(font)).Append(':');
        }

        text.Append("expansion=none:textfile=").Append(FilterValue(textFile));
        text.Append(":timecode=").Append(FilterValue(RecordTimecode(cut.Rate, clip.RecordStart)));
        text.Append(CultureInfo.InvariantCulture, $":rate={cut.Rate}:fontsize={size}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw={margin / 2}:x={margin}:y=h-th-{margin}");
        return text.ToString();
    }

    /// <summary>
    /// The record timecode of a frame of the cut, as the OpenTimelineIO, FCPXML and EDL exports write it: non-drop,
    /// starting at 01:00:00:00.
    /// </summary>
    internal static string RecordTimecode(Previz.Core.Sequences.FrameRate rate, int frame) =>
        Timecode.NonDrop(Timecode.RecordStartFrames(rate) + frame, rate.TimecodeBase);

    /// <summary>
    /// A value for a filter option inside a filter graph: escaped for the option parser (\ ' :) and then for the graph
    /// parser (\ ' [ ] , ;), as ffmpeg-filters' "Notes on filtergraph escaping" describes.
    /// </summary>
    internal static string FilterValue(string value)
    {
        var option = Escape(value, @"\':");
        return Escape(option, @"\'[],;");

        static string Escape(string text, string special)
        {
            var escaped = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                if (special.Contains(c, StringComparison.Ordinal))
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }

            return escaped.ToString();
        }
    }

    private static long SamplesAt(SequenceCut cut, int frame) =>
        (long)Math.Round((double)frame * SampleRate * cut.Rate.Denominator / cut.Rate.Numerator, MidpointRounding.AwayFromZero);

    /// <summary>
    /// To 48 kHz stereo float. Mono goes to both channels at its own level (ffmpeg's default upmix puts it 3 dB down on
    /// each side, which would not be the level the user placed).
    /// </summary>
    private static string Layout(AudioStreamInfo? audio) => string.Create(CultureInfo.InvariantCulture,
        $"{(audio?.Channels == 1 ? "pan=stereo|c0=c0|c1=c0," : "")}aresample={SampleRate},aformat=sample_fmts=fltp:channel_layouts=stereo");

    private static string[] SoundCodec() => ["-c:a", "aac", "-b:a", "192k"];

    private static string Seconds(double seconds) => seconds.ToString("0.#########", CultureInfo.InvariantCulture);

    private static string Resolve(string root, string mediaPath) =>
        Path.GetFullPath(Path.Combine(root, mediaPath.Replace('/', Path.DirectorySeparatorChar)));

    private static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new SequenceException($"Media file not found: {path} ({what}).");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
