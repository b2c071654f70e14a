using Previz.Studio.Hosting;

namespace Previz.Studio.Jobs;

/// <summary>
/// How many generations this process creates at the same time: validating, planning, storing and the first step up
/// to the vendor call, all CPU and database work. A burst of create calls beyond that waits here, in order, instead of
/// crowding the cores and SQLite's write lock along with the jobs whose clips are already at the vendor: in the jobs
/// bench (500 creates, 32 calls at a time, 2 cores) the last results then land sooner after the last create (figures
/// at <see cref="JobOptions.CreateConcurrency"/>).
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
