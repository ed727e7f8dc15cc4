using AvecSante.Api;
using AvecSante.Api.Jobs;
using NCrontab;

namespace AvecSante.LocalHost.Hosting;

/// <summary>
/// Runs the catalogue's timer functions in-process on their NCRONTAB settings (six fields, with seconds, UTC), as the
/// Functions host's TimerTrigger does. A schedule left empty turns that timer off locally.
/// </summary>
public sealed partial class FunctionSchedules(
    IServiceProvider services,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<FunctionSchedules> logger) : BackgroundService
{
    private readonly List<(TimerFunction Timer, CrontabSchedule Schedule)> _schedules = [];

    /// <summary>Parses every schedule before the host starts serving, so a bad setting stops it with its name.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var timer in FunctionCatalog.Timers)
        {
            var expression = configuration[timer.ScheduleSetting];
            if (string.IsNullOrWhiteSpace(expression))
            {
                LogDisabled(timer.Name, timer.ScheduleSetting);
                continue;
            }
            _schedules.Add((timer, Parse(timer, expression)));
        }
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_schedules.Select(s => RunOnScheduleAsync(s.Timer, s.Schedule, stoppingToken)));

    public static CrontabSchedule Parse(TimerFunction timer, string expression)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException($"Setting '{timer.ScheduleSetting}' is not a six-field NCRONTAB expression: '{expression}'.");
    }

    private async Task RunOnScheduleAsync(TimerFunction timer, CrontabSchedule schedule, CancellationToken stoppingToken)
    {
        var job = (IScheduledJob)services.GetRequiredService(timer.Job);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            try
            {
                await Task.Delay(next - now, clock, stoppingToken).ConfigureAwait(false);
                await job.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing run must not stop the schedule: the next occurrence tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex, timer.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Timer} is off: setting {Setting} is empty")]
    private partial void LogDisabled(string timer, string setting);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Timer} failed; it will run again at its next occurrence")]
    private partial void LogFailed(Exception exception, string timer);
}

public static class FunctionSchedulesRegistration
{
    public static IServiceCollection AddFunctionSchedules(this IServiceCollection services) =>
        services.AddHostedService<FunctionSchedules>();
}
