using SpeechArchive.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSpeechArchive();

var app = builder.Build();
app.OpenArchive();
app.UseArchivePipeline();
app.Run();
