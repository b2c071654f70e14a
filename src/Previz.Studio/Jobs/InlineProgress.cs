namespace Previz.Studio.Jobs;

/// <summary>An <see cref="IProgress{T}"/> that runs its handler on the reporting thread (no synchronization context hop).</summary>
public sealed class InlineProgress<T> : IProgress<T>
{
    private readonly Action<T> _handler;

    public InlineProgress(Action<T> handler) => _handler = handler;

    public void Report(T value) => _handler(value);
}
