using Previz.Rendering.Framing;

namespace Previz.Rendering.Adherence;

/// <summary>The render's and the clip's frames made ready for measuring (<see cref="AnalysedFrame"/>), both at once, and freed together.</summary>
internal sealed class AnalysedFrames : IDisposable
{
    public AnalysedFrames(IReadOnlyList<byte[]> rendered, IReadOnlyList<byte[]> clip, FrameSize size)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(clip);
        Rendered = new AnalysedFrame[rendered.Count];
        Clip = new AnalysedFrame[clip.Count];
        Parallel.For(0, rendered.Count + clip.Count, i =>
        {
            if (i < rendered.Count)
            {
                Rendered[i] = new AnalysedFrame(rendered[i], size.Width, size.Height);
            }
            else
            {
                Clip[i - rendered.Count] = new AnalysedFrame(clip[i - rendered.Count], size.Width, size.Height);
            }
        });
    }

    public AnalysedFrame[] Rendered { get; }

    public AnalysedFrame[] Clip { get; }

    public void Dispose()
    {
        foreach (var frame in Rendered.Concat(Clip))
        {
            frame?.Dispose();
        }
    }
}
