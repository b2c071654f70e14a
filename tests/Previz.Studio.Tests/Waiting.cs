namespace Previz.Studio.Tests;

/// <summary>Polls a condition that another thread or process makes true.</summary>
internal static class Waiting
{
    /// <summary>Returns once <paramref name="condition"/> holds; throws when it did not within <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }
    }
}
