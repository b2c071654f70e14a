using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Previz.Studio.Events;

/// <summary>
/// In-process publish/subscribe of generation changes (for the API's event stream and the studio's toasts). Slow
/// subscribers lose the oldest events rather than slowing the workers.
/// </summary>
public sealed class GenerationEvents
{
    private readonly ConcurrentDictionary<Guid, Channel<GenerationEvent>> _subscribers = new();

    /// <summary>Sends <paramref name="change"/> to every subscriber.</summary>
    public void Publish(GenerationEvent change)
    {
        foreach (var channel in _subscribers.Values)
        {
            channel.Writer.TryWrite(change);
        }
    }

    /// <summary>Receives every event published from now until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<GenerationEvent> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<GenerationEvent>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers[id] = channel;
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var change))
                {
                    yield return change;
                }
            }
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
        }
    }
}
