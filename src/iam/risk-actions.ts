// Named lists of actions that carry a particular risk for customer data. Lowercase `service:action`
// keys: action names are case-insensitive. Each list is matched against expanded grants, so `s3:Get*`
// reaches `s3:getobject`.

/** Actions that return the content of stored data (not just its metadata). */
export const DATA_READ_ACTIONS: readonly string[] = [
  "s3:getobject",
  "s3:getobjectversion",
  "s3:getobjecttorrent",
  "s3-object-lambda:getobject",
  "s3-object-lambda:getobjectversion",
  "dynamodb:getitem",
  "dynamodb:batchgetitem",
  "dynamodb:query",
  "dynamodb:scan",
  "dynamodb:partiqlselect",
  "dynamodb:getrecords",
  "secretsmanager:getsecretvalue",
  "secretsmanager:batchgetsecretvalue",
  "kms:decrypt",
  "ssm:getparameter",
  "ssm:getparameters",
  "ssm:getparametersbypath",
  "ssm:getparameterhistory",
  "rds-data:executestatement",
  "rds-data:batchexecutestatement",
  "rds-db:connect",
  "redshift-data:getstatementresult",
  "redshift:getclustercredentials",
  "sqs:receivemessage",
  "kinesis:getrecords",
  "logs:getlogevents",
  "logs:filterlogevents",
  "logs:getqueryresults",
  "athena:getqueryresults",
  "glacier:getjoboutput",
  "elasticfilesystem:clientmount",
  "ebs:getsnapshotblock",
  "es:eshttpget",
  "es:eshttppost",
  "aoss:apiaccessall",
  "timestream:select",
  "qldb:sendcommand",
  "cassandra:select",
  "neptune-db:readdataviaquery",
  "backup:getrecoverypointrestoremetadata",
];

/** Actions that copy, export or share stored data outside the store it lives in. */
export const DATA_EXPORT_ACTIONS: readonly string[] = [
  "dynamodb:exporttabletopointintime",
  "rds:copydbsnapshot",
  "rds:copydbclustersnapshot",
  "rds:modifydbsnapshotattribute",
  "rds:modifydbclustersnapshotattribute",
  "rds:startexporttask",
  "ec2:modifysnapshotattribute",
  "ec2:copysnapshot",
  "redshift:authorizesnapshotaccess",
  "s3:putreplicationconfiguration",
  "backup:startcopyjob",
  "logs:createexporttask",
];

/** Actions that write a resource policy or ACL, and so can open a store to other accounts or the public. */
export const RESOURCE_POLICY_WRITE_ACTIONS: readonly string[] = [
  "s3:putbucketpolicy",
  "s3:deletebucketpolicy",
  "s3:putbucketacl",
  "s3:putobjectacl",
  "s3:putobjectversionacl",
  "s3:putbucketpublicaccessblock",
  "s3:putaccountpublicaccessblock",
  "s3:putaccesspointpolicy",
  "s3:putmultiregionaccesspointpolicy",
  "s3:putbucketownershipcontrols",
  "kms:putkeypolicy",
  "kms:creategrant",
  "sqs:setqueueattributes",
  "sqs:addpermission",
  "sns:settopicattributes",
  "sns:addpermission",
  "secretsmanager:putresourcepolicy",
  "secretsmanager:deleteresourcepolicy",
  "lambda:addpermission",
  "lambda:addlayerversionpermission",
  "lambda:createfunctionurlconfig",
  "lambda:updatefunctionurlconfig",
  "ecr:setrepositorypolicy",
  "ecr-public:setrepositorypolicy",
  "glacier:setvaultaccesspolicy",
  "backup:putbackupvaultaccesspolicy",
  "elasticfilesystem:putfilesystempolicy",
  "dynamodb:putresourcepolicy",
  "es:updatedomainconfig",
  "es:updateelasticsearchdomainconfig",
  "es:createdomain",
  "events:putpermission",
  "logs:putresourcepolicy",
  "apigateway:updaterestapipolicy",
  "glue:putresourcepolicy",
  "kinesis:putresourcepolicy",
  "ram:createresourceshare",
  "iam:updateassumerolepolicy",
  "rds:modifydbsnapshotattribute",
  "rds:modifydbclustersnapshotattribute",
  "ec2:modifysnapshotattribute",
  "ec2:modifyimageattribute",
];

/** One way to gain more privileges than a policy names: all of `requires` (each a set of alternatives). */
export interface EscalationPath {
  readonly id: string;
  readonly description: string;
  /** Every group must be granted; within a group one action suffices. */
  readonly requires: readonly (readonly string[])[];
  /** The non-PassRole actions count only on every resource of this kind (account and region aside). */
  readonly mustReach?: { readonly service: string; readonly resource: string };
  /** Service principals the role is passed to: an `iam:PassedToService` condition must allow one. */
  readonly passedTo?: readonly string[];
  /** Named resources that are as good as every one of `mustReach` (`document/AWS-RunShellScript` runs any command). */
  readonly orAnyOf?: readonly string[];
}

const PASS_ROLE = ["iam:passrole"];

function passRoleWith(
  id: string,
  passedTo: readonly string[],
  description: string,
  ...requires: string[][]
): EscalationPath {
  return { id, description: `iam:PassRole with ${description}`, requires: [PASS_ROLE, ...requires], passedTo };
}

function single(id: string, description: string, ...actions: string[]): EscalationPath {
  return { id, description, requires: [actions] };
}

const EC2 = ["ec2.amazonaws.com"];

/** Known privilege-escalation paths (after Rhino Security Labs' and others' public catalogues). */
export const ESCALATION_PATHS: readonly EscalationPath[] = [
  passRoleWith("passrole-ec2", EC2, "ec2:RunInstances: run code on an instance with a more privileged role", ["ec2:runinstances", "ec2:requestspotinstances"]),
  passRoleWith(
    "passrole-ec2-instance-profile",
    EC2,
    "ec2:AssociateIamInstanceProfile: give a running instance a more privileged role",
    ["ec2:associateiaminstanceprofile", "ec2:replaceiaminstanceprofileassociation"],
  ),
  passRoleWith(
    "passrole-lambda-update-configuration",
    ["lambda.amazonaws.com"],
    "lambda:UpdateFunctionConfiguration: give an existing function a more privileged role",
    ["lambda:updatefunctionconfiguration"],
  ),
  passRoleWith("passrole-emr", ["elasticmapreduce.amazonaws.com", "ec2.amazonaws.com"], "elasticmapreduce:RunJobFlow: run a cluster as a more privileged role", [
    "elasticmapreduce:runjobflow",
  ]),
  passRoleWith(
    "passrole-lambda-invoke",
    ["lambda.amazonaws.com"],
    "lambda:CreateFunction and lambda:InvokeFunction: run code as a more privileged role",
    ["lambda:createfunction"],
    ["lambda:invokefunction", "lambda:invokefunctionurl", "lambda:createfunctionurlconfig"],
  ),
  passRoleWith(
    "passrole-lambda-event-source",
    ["lambda.amazonaws.com"],
    "lambda:CreateFunction and lambda:CreateEventSourceMapping: run code as a more privileged role on an event",
    ["lambda:createfunction"],
    ["lambda:createeventsourcemapping"],
  ),
  passRoleWith("passrole-glue-dev-endpoint", ["glue.amazonaws.com"], "glue:CreateDevEndpoint", ["glue:createdevendpoint"]),
  passRoleWith(
    "passrole-glue-job",
    ["glue.amazonaws.com"],
    "glue:CreateJob and StartJobRun/CreateTrigger",
    ["glue:createjob"],
    ["glue:startjobrun", "glue:createtrigger"],
  ),
  passRoleWith("passrole-cloudformation", ["cloudformation.amazonaws.com"], "cloudformation:CreateStack", [
    "cloudformation:createstack",
    "cloudformation:createstackset",
  ]),
  passRoleWith(
    "passrole-datapipeline",
    ["datapipeline.amazonaws.com", "elasticmapreduce.amazonaws.com"],
    "datapipeline:CreatePipeline and PutPipelineDefinition",
    ["datapipeline:createpipeline"],
    ["datapipeline:putpipelinedefinition"],
  ),
  passRoleWith(
    "passrole-ecs",
    ["ecs-tasks.amazonaws.com"],
    "ecs:RegisterTaskDefinition and RunTask/StartTask/CreateService",
    ["ecs:registertaskdefinition"],
    ["ecs:runtask", "ecs:starttask", "ecs:createservice", "ecs:updateservice"],
  ),
  passRoleWith("passrole-sagemaker-notebook", ["sagemaker.amazonaws.com"], "sagemaker:CreateNotebookInstance", [
    "sagemaker:createnotebookinstance",
  ]),
  passRoleWith("passrole-sagemaker-job", ["sagemaker.amazonaws.com"], "sagemaker:CreateTrainingJob/CreateProcessingJob", [
    "sagemaker:createtrainingjob",
    "sagemaker:createprocessingjob",
  ]),
  passRoleWith(
    "passrole-codebuild",
    ["codebuild.amazonaws.com"],
    "codebuild:CreateProject and StartBuild",
    ["codebuild:createproject"],
    ["codebuild:startbuild", "codebuild:startbuildbatch"],
  ),
  passRoleWith(
    "passrole-autoscaling",
    EC2,
    "an Auto Scaling group launching instances",
    ["autoscaling:createlaunchconfiguration", "ec2:createlaunchtemplate"],
    ["autoscaling:createautoscalinggroup", "autoscaling:updateautoscalinggroup"],
  ),
  passRoleWith("passrole-apprunner", ["tasks.apprunner.amazonaws.com", "build.apprunner.amazonaws.com"], "apprunner:CreateService", [
    "apprunner:createservice",
  ]),
  passRoleWith(
    "passrole-batch",
    ["batch.amazonaws.com", "ecs-tasks.amazonaws.com"],
    "batch:RegisterJobDefinition and SubmitJob",
    ["batch:registerjobdefinition"],
    ["batch:submitjob"],
  ),
  passRoleWith(
    "passrole-stepfunctions",
    ["states.amazonaws.com"],
    "states:CreateStateMachine and StartExecution",
    ["states:createstatemachine"],
    ["states:startexecution", "states:startsyncexecution"],
  ),
  single("iam-create-policy-version", "iam:CreatePolicyVersion: rewrite a managed policy attached to oneself", "iam:createpolicyversion"),
  single("iam-set-default-policy-version", "iam:SetDefaultPolicyVersion: switch to a more permissive existing version", "iam:setdefaultpolicyversion"),
  single("iam-attach-policy", "iam:Attach{User,Group,Role}Policy: attach AdministratorAccess", "iam:attachuserpolicy", "iam:attachgrouppolicy", "iam:attachrolepolicy"),
  single("iam-put-inline-policy", "iam:Put{User,Group,Role}Policy: write an inline policy granting anything", "iam:putuserpolicy", "iam:putgrouppolicy", "iam:putrolepolicy"),
  single("iam-create-access-key", "iam:CreateAccessKey: get credentials of another user", "iam:createaccesskey"),
  single("iam-login-profile", "iam:CreateLoginProfile/UpdateLoginProfile: set another user's console password", "iam:createloginprofile", "iam:updateloginprofile"),
  single("iam-add-user-to-group", "iam:AddUserToGroup: join a more privileged group", "iam:addusertogroup"),
  single("iam-permissions-boundary", "iam:DeleteUserPermissionsBoundary/DeleteRolePermissionsBoundary: lift a boundary", "iam:deleteuserpermissionsboundary", "iam:deleterolepermissionsboundary"),
  {
    id: "iam-update-assume-role-policy",
    description: "iam:UpdateAssumeRolePolicy with sts:AssumeRole: trust oneself in a privileged role, then assume it",
    requires: [["iam:updateassumerolepolicy"], ["sts:assumerole"]],
  },
  {
    id: "sts-assume-any-role",
    description: "sts:AssumeRole on every role: assume any role that trusts the account",
    requires: [["sts:assumerole"]],
    mustReach: { service: "iam", resource: "role/*" },
  },
  single("lambda-update-function-code", "lambda:UpdateFunctionCode: run code as an existing function's role", "lambda:updatefunctioncode"),
  single("glue-update-dev-endpoint", "glue:UpdateDevEndpoint: log in to an endpoint running as its role", "glue:updatedevendpoint"),
  single("cloudformation-update-stack", "cloudformation:UpdateStack: act through a stack's service role", "cloudformation:updatestack"),
  single("codebuild-start-build-override", "codebuild:StartBuild: override the buildspec and run as the project's role", "codebuild:startbuild"),
  {
    id: "ssm-send-command",
    description: "ssm:SendCommand with any document: run commands on instances as their roles",
    requires: [["ssm:sendcommand"]],
    mustReach: { service: "ssm", resource: "document/*" },
    orAnyOf: ["document/AWS-RunShellScript", "document/AWS-RunPowerShellScript", "document/AWS-RunRemoteScript", "document/AWS-RunDocument"],
  },
  single("ssm-start-session", "ssm:StartSession: open a shell on instances or tasks and use their roles", "ssm:startsession"),
  single("ec2-instance-connect", "ec2-instance-connect:SendSSHPublicKey: log in to instances with their roles", "ec2-instance-connect:sendsshpublickey"),
];
