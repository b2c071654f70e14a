using System.Collections.Concurrent;
using Previz.Studio.Events;

namespace Previz.Studio.Tests.Events;

/// <summary>Collects a process's generation events from a subscription that is open before the caller goes on.</summary>
internal static class EventListening
{
    /// <summary>Subscribes before returning, or a change made right after would reach nobody; the returned task is the listening loop.</summary>
    public static async Task<Task> ListenAsync(GenerationEvents events, ConcurrentQueue<GenerationEvent> into, CancellationToken cancellationToken)
    {
        var subscribed = new TaskCompletionSource();
        var loop = Task.Run(async () =>
        {
            try
            {
                var stream = events.SubscribeAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                await using (stream)
                {
                    var next = stream.MoveNextAsync();
                    subscribed.TrySetResult();
                    while (await next)
                    {
                        into.Enqueue(stream.Current);
                        next = stream.MoveNextAsync();
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                subscribed.TrySetResult();
            }
        }, CancellationToken.None);
        await subscribed.Task;
        return loop;
    }
}
