# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props InvoiceFirst.sln ./
COPY src/Data/Data.csproj src/Data/
COPY src/Messaging/Messaging.csproj src/Messaging/
COPY src/Payments/Payments.csproj src/Payments/
COPY src/Bot/Bot.csproj src/Bot/
RUN dotnet restore src/Bot/Bot.csproj
COPY src/ src/
RUN dotnet publish src/Bot/Bot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin invoicefirst \
    && mkdir -p /app/data && chown invoicefirst /app/data
WORKDIR /app
COPY --from=build /app ./
USER invoicefirst
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    App__DataDirectory=/app/data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "InvoiceFirst.Bot.dll"]
