using Previz.Studio.Hosting;

namespace Previz.Studio.Jobs;

/// <summary>
/// How many generations this process plans at the same time. Planning renders the frames a request sends and writes
/// the record: CPU and database work. A burst of create calls beyond that waits here, in order, so that it does not
/// take the cores and SQLite's write lock from the jobs already running.
/// </summary>
public sealed class CreateLimiter : IDisposable
{
    private readonly SemaphoreSlim _slots;

    public CreateLimiter(StudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Capacity = Math.Max(1, options.Jobs.CreateConcurrency ?? Environment.ProcessorCount);
        _slots = new SemaphoreSlim(Capacity);
    }

    /// <summary>Creates that may run at once.</summary>
    public int Capacity { get; }

    /// <summary>Runs <paramref name="create"/> once a slot is free (waiters are served in the order they came).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await create();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
