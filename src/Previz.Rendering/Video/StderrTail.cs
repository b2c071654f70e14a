using System.Diagnostics;

namespace Previz.Rendering.Video;

/// <summary>Keeps the last lines a child process writes to stderr, for error messages.</summary>
internal sealed class StderrTail
{
    private const int MaxLines = 20;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Attach(Process process)
    {
        process.ErrorDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data))
            {
                return;
            }

            lock (_gate)
            {
                _lines.Enqueue(e.Data);
                if (_lines.Count > MaxLines)
                {
                    _lines.Dequeue();
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }
}
