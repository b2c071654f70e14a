using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Previz.Studio.Api;
using Previz.Studio.Security;

namespace Previz.Studio.Tests.Api;

public sealed class ServerErrorTests
{
    [Fact]
    public async Task A_server_error_is_logged_once_with_the_trace_id_its_problem_details_carry()
    {
        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs))
            .AddProblemDetails()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<SecretRedactor>()
            .BuildServiceProvider();
        var mapping = ActivatorUtilities.CreateInstance<ProblemMapping>(services);
        var context = new DefaultHttpContext { RequestServices = services, TraceIdentifier = "trace-0001" };
        context.Request.Method = "GET";
        context.Request.Path = "/api/scenes/x/shots/y/still";
        context.Response.Body = new MemoryStream();

        Assert.True(await mapping.TryHandleAsync(context, new InvalidOperationException("a bug"), CancellationToken.None));

        Assert.Equal((int)HttpStatusCode.InternalServerError, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var problem = (await JsonNode.ParseAsync(context.Response.Body))!;
        var traceId = (string)problem["traceId"]!;
        Assert.False(string.IsNullOrEmpty(traceId));
        var logged = Assert.Single(logs.Lines, l => l.Contains("internal error", StringComparison.Ordinal));
        Assert.Contains($"trace id {traceId}", logged, StringComparison.Ordinal);
        Assert.Contains("a bug", logged, StringComparison.Ordinal);
        Assert.Contains("/api/scenes/x/shots/y/still", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_says_nosniff()
    {
        await using var studio = await StudioFixture.StartAsync();

        using var page = await studio.Client.GetAsync("/");
        using var missing = await studio.Client.GetAsync($"/api/gallery/{Guid.NewGuid()}/poster");

        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("nosniff", Assert.Single(missing.Headers.GetValues("X-Content-Type-Options")));
    }
}
