// Package provision launches and retires the EC2 host of each org.
package provision

import (
	"context"
	"encoding/base64"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
)

type Provisioner struct {
	ec2         *ec2.Client
	amiID       string
	platformURL string
}

func New(client *ec2.Client, amiID, platformURL string) *Provisioner {
	return &Provisioner{ec2: client, amiID: amiID, platformURL: platformURL}
}

// Launch starts the org's host and returns its instance id.
func (p *Provisioner) Launch(ctx context.Context, orgID string) (string, error) {
	ud, err := renderUserData(orgID, p.platformURL)
	if err != nil {
		return "", err
	}
	out, err := p.ec2.RunInstances(ctx, &ec2.RunInstancesInput{
		ImageId:      aws.String(p.amiID),
		InstanceType: types.InstanceTypeT3Large,
		MinCount:     aws.Int32(1),
		MaxCount:     aws.Int32(1),
		UserData:     aws.String(base64.StdEncoding.EncodeToString([]byte(ud))),
	})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Instances[0].InstanceId), nil
}
