global using Microsoft.Extensions.DependencyInjection.Extensions;
global using InvoiceFirst.Bot.Kernel;
