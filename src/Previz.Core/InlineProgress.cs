namespace Previz.Core;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its handler on the reporting thread, in order.
/// <see cref="Progress{T}"/> posts to the thread pool without a synchronization context, so its handlers run late,
/// out of order, and possibly after the caller has disposed what they touch.
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
