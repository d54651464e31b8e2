import { libraryBuildConfig } from '../../tsup.shared.ts';

export default libraryBuildConfig;
