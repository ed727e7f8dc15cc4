namespace AvecSante.Api.Jobs;

/// <summary>Timer work. The job decides itself what is due (it reads TimeProvider), so running it late or twice is safe.</summary>
public interface IScheduledJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
