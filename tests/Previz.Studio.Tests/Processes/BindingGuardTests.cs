using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Previz.Studio.Tests.Processes;

/// <summary>The loopback-only guard of a real <c>previz serve</c>, whatever configuration source names the address.</summary>
public sealed class BindingGuardTests
{
    [Fact]
    public async Task A_kestrel_endpoint_beyond_loopback_without_a_token_stops_serve_with_exit_2()
    {
        var port = StudioProcess.FreePort();
        using var serve = await StudioProcess.StartAsync("serve", Environment(port, token: null));

        var exit = await serve.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var output = string.Join('\n', serve.Output);
        Assert.True(exit == 2, $"exit {exit}:\n{output}");
        // The console wraps long lines.
        var text = Regex.Replace(output, @"\s+", " ");
        Assert.Contains($"Listening on http://0.0.0.0:{port} exposes the studio beyond this machine: set PREVIZ_TOKEN", text, StringComparison.Ordinal);
        Assert.False(output.Contains("   at ", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task A_kestrel_endpoint_beyond_loopback_with_a_token_serves_only_requests_that_carry_it()
    {
        var port = StudioProcess.FreePort();
        using var serve = await StudioProcess.StartAsync("serve", Environment(port, token: "a-long-s3cret"));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        HttpStatusCode? anonymous = null;
        while (anonymous is null)
        {
            Assert.False(serve.HasExited, string.Join('\n', serve.Output));
            Assert.True(DateTime.UtcNow < deadline, $"serve did not answer:\n{string.Join('\n', serve.Output)}");
            try
            {
                using var response = await client.GetAsync("/api/scenes");
                anonymous = response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/scenes");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "a-long-s3cret");
        using var allowed = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    private static Dictionary<string, string> Environment(int port, string? token)
    {
        var environment = new Dictionary<string, string>
        {
            ["PREVIZ_DATA"] = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N")),
            // Not --urls, ASPNETCORE_URLS or urls: Kestrel's own endpoint configuration.
            ["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}",
        };
        if (token is not null)
        {
            environment["PREVIZ_TOKEN"] = token;
        }

        return environment;
    }
}
