import { ArnFormat, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';

/** Props of {@link MailStack}. */
export interface MailStackProps extends StackProps {
  /** Sender address; its domain is verified as the SES identity (DKIM, so any local part works). */
  readonly mailFrom: string;
}

/**
 * Outgoing e-mail: the SES domain identity of the sender and a configuration set that requires TLS
 * and keeps bounced and complaining recipients on the suppression list.
 *
 * The DKIM records are stack outputs; until they are in DNS and the account has left the SES
 * sandbox, SES sends only to verified addresses (see docs/operations.md).
 */
export class MailStack extends Stack {
  readonly mailFrom: string;
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailStackProps) {
    super(scope, id, props);
    this.mailFrom = props.mailFrom;
    const domain = props.mailFrom.split('@')[1];
    if (!domain) throw new Error(`mailFrom has no domain: ${props.mailFrom}`);

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    this.identity = new ses.EmailIdentity(this, 'DomainIdentity', {
      identity: ses.Identity.domain(domain),
      configurationSet: this.configurationSet,
      dkimSigning: true,
      dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
    });

    new CfnOutput(this, 'MailFrom', { value: props.mailFrom });
    new CfnOutput(this, 'ConfigurationSetName', { value: this.configurationSet.configurationSetName });
    this.identity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${i + 1} to publish in DNS for ${domain}`,
      });
    });
  }

  /** Lets `grantee` send from the identity through the configuration set, and nothing else. */
  grantSend(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          this.identity.emailIdentityArn,
          this.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
      }),
    );
  }
}
