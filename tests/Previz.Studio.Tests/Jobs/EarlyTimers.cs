namespace Previz.Studio.Tests.Jobs;

/// <summary>
/// The system's clock with timers that fire <paramref name="early"/> before they are due: the way .NET's millisecond
/// timers can (up to 1 ms early), made large enough to see past a loopback round trip.
/// </summary>
internal sealed class EarlyTimers(TimeSpan early) : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new EarlyTimer(System.CreateTimer(callback, state, Earlier(dueTime), period), early);

    private TimeSpan Earlier(TimeSpan due) => due == Timeout.InfiniteTimeSpan ? due : due > early ? due - early : TimeSpan.Zero;

    private sealed class EarlyTimer(ITimer inner, TimeSpan early) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) =>
            inner.Change(dueTime == Timeout.InfiniteTimeSpan ? dueTime : dueTime > early ? dueTime - early : TimeSpan.Zero, period);

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
