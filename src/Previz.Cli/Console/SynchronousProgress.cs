namespace Previz.Cli.Console;

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts late and out of order without a context).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
