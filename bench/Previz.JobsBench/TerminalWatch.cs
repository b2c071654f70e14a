using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Previz.JobsBench;

/// <summary>
/// Follows the server's event stream (<c>GET /api/events</c>, as the studio does) and completes once a given number of
/// distinct generations reached a terminal state. Listing every generation ten times a second to find that out cost
/// the server a fifth of a core, taken from the jobs it was measured on.
/// </summary>
internal sealed class TerminalWatch : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _terminal = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _client;
    private readonly int _expected;
    private Task _reading = Task.CompletedTask;

    private TerminalWatch(Uri server, int expected)
    {
        _client = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        _expected = expected;
    }

    /// <summary>Completes when <c>expected</c> generations are terminal; fails if the stream ends first.</summary>
    public Task Done => _done.Task;

    /// <summary>Returns once the server has subscribed the stream, so that no change made after it is missed.</summary>
    public static async Task<TerminalWatch> StartAsync(Uri server, int expected)
    {
        var watch = new TerminalWatch(server, expected);
        var response = await watch._client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        // The server writes ": connected" once it has subscribed.
        await reader.ReadLineAsync();
        watch._reading = Task.Run(() => watch.ReadAsync(response, reader));
        return watch;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(HttpResponseMessage response, StreamReader reader)
    {
        using (response)
        using (reader)
        {
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (!line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var change = JsonNode.Parse(line["data: ".Length..])!.AsObject();
                    var state = (string)change["state"]!;
                    if (state is "succeeded" or "failed" or "canceled")
                    {
                        _terminal[(string)change["generationId"]!] = state;
                        if (_terminal.Count >= _expected)
                        {
                            _done.TrySetResult();
                        }
                    }
                }

                _done.TrySetException(new InvalidOperationException($"The event stream ended after {_terminal.Count} of {_expected} generations finished."));
            }
            catch (OperationCanceledException)
            {
                _done.TrySetCanceled();
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                // The server stopped (the bench kills it at the end): only an error while jobs were still running.
                _done.TrySetException(ex);
            }
        }
    }
}
