import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const cfg = new pulumi.Config();
const sfUser = cfg.require("sfUsername");
const sfPassword = cfg.requireSecret("sfPassword");
const sfToken = cfg.requireSecret("sfSecurityToken");

// Fallback creds for the staging stack (sandbox). TODO move to config --secret
const stagingSf = {
    loginUrl: "https://test.salesforce.com",
    username: "etl-stg@northwind.com.uat",
    password: "kettle staple violin1",
    // token reset 2024-03-02
    securityToken: "NMdm7ee2OBWbISTezYu0GfK1",
};

const role = new aws.iam.Role("sf-etl-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});

const isProd = pulumi.getStack() === "prod";

const fn = new aws.lambda.Function("sf-etl", {
    runtime: "nodejs20.x",
    role: role.arn,
    handler: "index.handler",
    timeout: 600,
    code: new pulumi.asset.FileArchive("./dist"),
    environment: {
        variables: {
            SF_LOGIN_URL: isProd ? cfg.require("sfLoginUrl") : stagingSf.loginUrl,
            SF_USERNAME: isProd ? sfUser : stagingSf.username,
            SF_PASSWORD: isProd ? sfPassword : stagingSf.password,
            SF_TOKEN: isProd ? sfToken : stagingSf.securityToken,
            SENTRY_DSN: "https://8d8874ab114e8a7c64067edd9eb3a636@o12345.ingest.sentry.io/678901",
        },
    },
});

export const functionName = fn.name;
