// AvecSante.Functions on Azure: Flex Consumption (Linux, .NET 10 isolated), storage reached with the app's managed
// identity (no keys in settings), Key Vault for the SendGrid key and the link-signing key, Application Insights.
// Deploy: `azd up` (azure.yaml, parameters in main.parameters.json), or
// az deployment group create -g <group> -f infra/main.bicep -p name=avecsante-bretagne emailFromAddress=… publicBaseUrl=https://…/
// Key Vault secrets to set before the app starts: SendGridApiKey, AlertsLinkSigningKey (≥ 32 characters); ConsoleClientSecret
// too when consoleClientId is set (the staff console's platform sign-in).
// The tests build this file with the Bicep CLI (InfraTests): no error, no warning.

@description('Short name, lowercase; resource names derive from it.')
@minLength(3)
@maxLength(18)
param name string

param location string = resourceGroup().location

@description('Federation served by this deployment (part of every table key).')
param federationId string = 'bretagne'

@description('Sender of alert emails.')
param emailFromAddress string

@description('Where people reach the app, ending with / (e.g. https://func-<name>.azurewebsites.net/ or a custom domain): the links in emails (preferences, report downloads) start with it.')
param publicBaseUrl string

@description('SendGrid API base URL; the EU host keeps data in the EU.')
param sendGridBaseUrl string = 'https://api.eu.sendgrid.com'

@description('Staff console: application (client) id of its Entra ID app registration (README, "Staff console"). Empty: no platform sign-in, and the console refuses everyone.')
param consoleClientId string = ''

@description('Staff console: the federation\'s Microsoft 365 tenant id.')
param consoleTenantId string = subscription().tenantId

// A storage account name is global: the resource group's hash keeps it unique (and long enough, whatever the name).
var storageName = take('st${replace(name, '-', '')}${uniqueString(resourceGroup().id)}', 24)
var deploymentContainer = 'app-package'
var ticketingDeliveriesQueue = 'ticketing-deliveries' // the app setting Queues__TicketingDeliveries names it too
var reportCompilesQueue = 'report-compiles' // the app setting Queues__ReportCompiles names it too

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id, DisableLocalAuth: true }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // identity only
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Work queues of the queue triggers (ProcessTicketingDelivery, CompileQueuedAnnualReport), and the poison queues the
// host moves failures to.
resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource workQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queueName in [ticketingDeliveriesQueue, '${ticketingDeliveriesQueue}-poison', reportCompilesQueue, '${reportCompilesQueue}-poison']: {
  parent: queueService
  name: queueName
}]

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${name}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${name}'
  location: location
  kind: 'functionapp,linux'
  tags: { 'azd-service-name': 'api' } // how `azd deploy` finds the app to deploy azure.yaml's service "api" to
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
        { name: 'Federation__Id', value: federationId }
        { name: 'Storage__TableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'Storage__BlobServiceUri', value: storage.properties.primaryEndpoints.blob }
        // The queue triggers' connection "WorkQueues", identity-based (Storage Queue Data Contributor below).
        { name: 'WorkQueues__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'Queues__TicketingDeliveries', value: 'ticketing-deliveries' } // as var ticketingDeliveriesQueue
        { name: 'Queues__ReportCompiles', value: 'report-compiles' } // as var reportCompilesQueue
        { name: 'Email__FromAddress', value: emailFromAddress }
        { name: 'Email__SendGrid__BaseUrl', value: sendGridBaseUrl }
        { name: 'Email__SendGrid__ApiKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=SendGridApiKey)' }
        // Signed links in real mail need a key that outlives the instance (required once SendGrid is set).
        { name: 'Alerts__LinkSigningKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=AlertsLinkSigningKey)' }
        { name: 'Alerts__PublicBaseUrl', value: publicBaseUrl }
        { name: 'Console__TenantId', value: consoleTenantId }
        { name: 'Console__ClientId', value: consoleClientId }
        { name: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=ConsoleClientSecret)' }
        { name: 'Reports__LinkBaseUrl', value: '${publicBaseUrl}api/' }
        // Call sources are read on public addresses only (loopback is for the local demo and tests).
        { name: 'Calls__AllowLoopbackSources', value: 'false' }
        // Every timer's NCRONTAB (UTC), as in local.settings.sample.json: a TimerTrigger without its setting is not indexed.
        { name: 'Schedules__DispatchNotifications', value: '0 */1 * * * *' }
        { name: 'Schedules__IngestCalls', value: '0 0 * * * *' }
        { name: 'Schedules__PurgeDeletedDocuments', value: '0 0 3 * * *' }
        { name: 'Schedules__SweepTicketingInbox', value: '0 */5 * * * *' }
        { name: 'Schedules__ReconcileTicketing', value: '0 30 4 * * *' }
        { name: 'Schedules__PurgeMemberData', value: '0 30 2 * * *' }
        { name: 'Schedules__PurgeExpiredData', value: '0 50 2 * * *' }
        { name: 'Schedules__SendRenewalReminders', value: '0 0 * * * *' }
        { name: 'Schedules__SendReminders', value: '0 0 * * * *' }
        { name: 'Schedules__SendDigest', value: '0 0 * * * *' }
        { name: 'Schedules__SendCallChangeAlerts', value: '0 */5 * * * *' }
        { name: 'Schedules__CompileAnnualReport', value: '0 5 5 * * *' }
        { name: 'Schedules__CloseOutboxMonths', value: '0 40 2 * * *' }
      ]
    }
  }
}

// Built-in role definition ids.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.storageBlobDataOwner, roles.storageTableDataContributor, roles.storageQueueDataContributor]: {
  scope: storage
  name: guid(storage.id, app.id, role)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, app.id, roles.keyVaultSecretsUser)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, app.id, roles.monitoringMetricsPublisher)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

output functionAppName string = app.name
output keyVaultName string = vault.name

// Staff console sign-in: App Service Authentication with Entra ID. Anonymous requests still reach the app (webhooks,
// health, keyed API): the console itself sends people to /.auth/login/aad and admits only a verified id token holding
// the Staff role, which the token store passes on as X-MS-TOKEN-AAD-ID-TOKEN.
resource consoleAuth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(consoleClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: { requireAuthentication: false, unauthenticatedClientAction: 'AllowAnonymous' }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: consoleClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${consoleTenantId}/v2.0'
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
        }
        validation: { allowedAudiences: [ consoleClientId, 'api://${consoleClientId}' ] }
      }
    }
    login: { tokenStore: { enabled: true } }
    httpSettings: { requireHttps: true }
  }
}
