namespace Previz.Rendering.Video;

/// <summary>What ffprobe reports about a file's first audio stream and its container.</summary>
/// <param name="Format">The container as ffprobe names it (<c>wav</c>, <c>mp3</c>, <c>ogg</c>, <c>mov,mp4,m4a,3gp,3g2,mj2</c>, …).</param>
/// <param name="Codec">The audio codec (<c>pcm_s16le</c>, <c>mp3</c>, <c>aac</c>, <c>opus</c>, …).</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Channels">Channel count.</param>
/// <param name="DurationSeconds">The stream's length (the container's when the stream gives none).</param>
public sealed record AudioProbe(string Format, string Codec, int SampleRate, int Channels, double DurationSeconds);
